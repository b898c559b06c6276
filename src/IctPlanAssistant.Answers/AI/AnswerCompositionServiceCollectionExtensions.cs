using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Checking;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Glosses;
using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Answers.Retrieval;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace IctPlanAssistant.Answers.AI;

/// <summary>
/// Chooses who writes answers, from the <c>AI</c> section: with <c>AI:Provider</c> None (the default) the built-in
/// composer, exactly as without this registration; otherwise the Semantic Kernel composer over the configured
/// service, with the prompts of <c>prompts/</c>, the checks, and the built-in composer as its fallback; with
/// <c>AI:EmbeddingModel</c> also hybrid retrieval. Settings and prompt files are checked when the composer is first
/// built (host start in the web host), with errors that name the key or the file.
/// </summary>
public static class AnswerCompositionServiceCollectionExtensions
{
    public static IServiceCollection AddAnswerComposition(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton<AnswerPhrases>();
        services.TryAddSingleton(sp => PlainTerms.Load(sp.GetRequiredService<IOptions<Search.Querying.GlossaryOptions>>().Value.Path is { Length: > 0 } path ? path : null));
        services.TryAddSingleton<BuiltInAnswerComposer>();

        // The provider decides what is registered, so it is read here; everything else is read (and validated) when
        // the services are built, so a test or host may still change it.
        var provider = configuration.GetSection(AiOptions.Section).GetValue(nameof(AiOptions.Provider), AiProvider.None);
        if (provider == AiProvider.None)
        {
            services.TryAddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<BuiltInAnswerComposer>());
            return services;
        }

        AiHttpClient.Register(services);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiOptions>>().Value; // throws OptionsValidationException with every problem
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            loggerFactory.CreateLogger(typeof(AnswerCompositionServiceCollectionExtensions)).LogInformation("AI service: {Settings}", options);
            return KernelFactory.Create(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(AiHttpClient.Name), loggerFactory);
        });
        services.TryAddSingleton(sp => PromptLibrary.Load(sp.GetRequiredService<IOptions<AiOptions>>().Value.PromptsPath));
        services.TryAddSingleton<PromptRunner>();
        services.TryAddSingleton<AnswerChecker>();
        services.TryAddSingleton<FollowUpSuggester>();
        services.TryAddSingleton<RowNameGlosser>();
        services.TryAddSingleton<ModelAnswerComposer>();
        services.TryAddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<ModelAnswerComposer>());

        var ai = configuration.GetSection(AiOptions.Section);
        if (ai.GetValue(nameof(AiOptions.RewriteQueries), true))
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetrievalRefiner, QueryRewriteRefiner>());
        if (!string.IsNullOrWhiteSpace(ai[nameof(AiOptions.EmbeddingModel)]))
        {
            services.TryAddSingleton(sp => new RowEmbeddingCache(
                sp.GetRequiredService<Kernel>().GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
                sp.GetRequiredService<PlanIndex>().Root,
                sp.GetRequiredService<IOptions<AiOptions>>().Value.EmbeddingModel!));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetrievalRefiner, HybridRetrievalRefiner>());
        }
        return services;
    }
}
