using IctPlanAssistant.Answers.AI;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers;

/// <summary>Registers the index, the retrieval layer, the answer composer and the assistant: what every host needs.</summary>
public static class PlanAssistantServiceCollectionExtensions
{
    public static IServiceCollection AddPlanAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IndexOptions>(configuration.GetSection(IndexOptions.Section));
        services.Configure<GlossaryOptions>(configuration.GetSection(GlossaryOptions.Section));
        services.Configure<AssistantOptions>(configuration.GetSection(AssistantOptions.Section));
        services.Configure<ConversationOptions>(configuration.GetSection(ConversationOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PlanIndexFactory.Open(
            sp.GetRequiredService<IOptions<IndexOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlanIndex))));
        services.TryAddSingleton<Analyzer>(_ => PlanAnalyzers.Create());
        services.TryAddSingleton(sp => Glossary.Load(sp.GetRequiredService<IOptions<GlossaryOptions>>().Value.Path is { Length: > 0 } path ? path : null));
        services.TryAddSingleton(sp => new QueryInterpreter(sp.GetRequiredService<Glossary>(), sp.GetRequiredService<PlanIndex>()));
        services.TryAddSingleton(sp => new PlanRetriever(sp.GetRequiredService<PlanIndex>(), sp.GetRequiredService<Analyzer>()));
        services.AddAnswerComposition(configuration);
        services.AddConversationStore();
        services.TryAddSingleton<PlanAssistant>();
        return services;
    }
}
