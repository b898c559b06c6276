using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers;

/// <summary>Opens the served index; a host may have it built from the bundled plan when there is none yet.</summary>
public static class PlanIndexFactory
{
    public static PlanIndex Open(IndexOptions options, ILogger logger)
    {
        var location = new IndexLocation(options.Path);
        if (options.BuildBundledPlanIfMissing && location.CurrentGeneration() is null)
        {
            logger.LogInformation("No index at {Path}: indexing the bundled plan from {Source}", location.Root, PlanSource.BundledDirectory);
            var report = new PlanIngestor(location).Ingest(PlanSource.Resolve([]));
            logger.LogInformation("Indexed {Rows} rows into {Path}", report.RowCount, location.Root);
        }
        return PlanIndex.Open(options.Path, options.RefreshInterval);
    }
}
