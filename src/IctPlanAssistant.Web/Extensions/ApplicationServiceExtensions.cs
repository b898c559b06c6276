using IctPlanAssistant.Answers;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Serialization;
using IctPlanAssistant.Web.Apis;
using IctPlanAssistant.Web.Bot;
using IctPlanAssistant.Web.Hosting;
using IctPlanAssistant.Web.Problems;
using IctPlanAssistant.Web.Protection;
using IctPlanAssistant.Web.Rendering;

namespace IctPlanAssistant.Web.Extensions;

/// <summary>The web host's services and request pipeline, in one place (Program.cs stays a table of contents).</summary>
internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The content root is the application's directory (wwwroot, defaults); the operator's appsettings.json is
        // the one in the working directory (copied from appsettings.sample.json), then the environment wins.
        builder.Configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        var services = builder.Services;
        services.AddPlanAssistant(builder.Configuration);
        services.AddPlanBot(builder.Configuration);
        // A fresh clone has no index: the host builds it from the bundled plan on first start.
        services.PostConfigure<IndexOptions>(options => options.BuildBundledPlanIfMissing = builder.Configuration.GetValue("Index:BuildBundledPlanIfMissing", true));
        services.AddProblemDetails();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = PlanJson.Options.Encoder;
            foreach (var converter in PlanJson.Options.Converters) options.SerializerOptions.Converters.Add(converter);
        });
        services.AddPlanOpenApi();
        services.AddClientAddresses(builder.Configuration);
        services.AddRateLimits();
        services.AddSingleton<AnswerHtml>();
        services.AddStaticContent();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");
        return builder;
    }

    public static WebApplication UseApplicationPipeline(this WebApplication app)
    {
        app.UseClientAddresses();
        app.UseClientCookie();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWholeResponses();
        app.UseStaticContent();
        // The bot endpoint's token schemes (IctPlanAssistant.Bot); no other endpoint requires authentication.
        app.UseAuthentication();
        app.UseAuthorization();
        // Open the index (and build it if there is none) before the first request, not during it; one search loads the
        // synonym dictionary and reads the index's names and readings, and the suggestions' table is built, so the first
        // visitor does not wait for them.
        app.Services.GetRequiredService<PlanIndex>();
        app.Services.GetRequiredService<PlanSearch>().Search(new SearchRequest("タブレット"));
        app.Services.GetRequiredService<IctPlanAssistant.Search.Suggestions.PlanSuggester>().Warm();
        // Build the answer composer now, so wrong AI settings or a broken prompt file stop the host at start.
        app.Services.GetRequiredService<IctPlanAssistant.Answers.Composition.IAnswerComposer>();
        return app;
    }
}
