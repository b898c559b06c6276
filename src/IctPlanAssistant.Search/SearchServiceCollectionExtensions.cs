using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Suggestions;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Search;

/// <summary>Registers the served index, query understanding, the retriever, <see cref="PlanSearch"/>, the reading list and the <see cref="PlanSuggester"/>.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddPlanSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IndexOptions>(configuration.GetSection(IndexOptions.Section));
        services.Configure<GlossaryOptions>(configuration.GetSection(GlossaryOptions.Section));
        services.TryAddSingleton(sp => PlanIndexFactory.Open(
            sp.GetRequiredService<IOptions<IndexOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlanIndex))));
        services.TryAddSingleton<Analyzer>(_ => PlanAnalyzers.Create());
        services.TryAddSingleton(sp => Glossary.Load(sp.GetRequiredService<IOptions<GlossaryOptions>>().Value.Path is { Length: > 0 } path ? path : null));
        services.TryAddSingleton(sp => new QueryInterpreter(sp.GetRequiredService<Glossary>(), sp.GetRequiredService<PlanIndex>()));
        services.TryAddSingleton(sp => new PlanRetriever(sp.GetRequiredService<PlanIndex>(), sp.GetRequiredService<Analyzer>()));
        services.TryAddSingleton<PlanSearch>();
        services.TryAddSingleton(_ => ReadingAnnotator.Load());
        services.TryAddSingleton(sp => new PlanSuggester(sp.GetRequiredService<PlanIndex>(), sp.GetRequiredService<ReadingAnnotator>()));
        return services;
    }
}
