using IctPlanAssistant.Web.Bot.Authentication;
using IctPlanAssistant.Web.Bot.Connector;
using IctPlanAssistant.Web.Bot.Feedback;
using IctPlanAssistant.Web.Bot.Hosting;
using IctPlanAssistant.Web.Bot.Replies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;

namespace IctPlanAssistant.Web.Bot;

/// <summary>The Bot Framework endpoint: registered by <see cref="AddBot"/>, mapped by <see cref="MapBotApi"/>.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotOptions>(configuration.GetSection(BotOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(nameof(OpenIdMetadata));
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value.AuthenticationEnabled
            ? ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(sp)
            : new NoBotToken());
        services.AddSingleton<BotAuthenticator>();

        services.AddHttpClient<ConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("bot-connector", pipeline =>
            {
                // 408, 429 (honouring Retry-After) and 5xx, and connection failures: three more tries, backing off.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });

        services.AddSingleton<FeedbackLog>();
        services.AddSingleton<AnswerReplyBuilder>();
        services.AddScoped<IBot, PlanBot>();
        services.AddScoped<BotAdapter>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
        if (!options.AuthenticationEnabled)
        {
            // As the SDK: no app id means local development. Say so where an operator will see it.
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotAdapter))
                .LogWarning("Bot:MicrosoftAppId is not set: /api/messages accepts requests without authentication and replies only to loopback serviceUrls. Set Bot:MicrosoftAppId (and the password, tenant and app type) before exposing it.");
        }
        else
        {
            _ = options.AppType; // an unknown app type fails at start-up, not at the first message
        }

        app.MapPost("/api/messages", (HttpContext http, BotAdapter adapter) => adapter.ProcessAsync(http, http.RequestAborted))
            .WithName("BotMessages")
            .WithSummary("Bot Framework Activity protocol v3: Teams, Web Chat and the Agents Playground post activities here.")
            .DisableAntiforgery();
        return app;
    }
}
