using IctPlanAssistant.Search.Ingestion;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Opens the served index. A host may build it first: from the bundled plan when there is none yet, and again from
/// the documents it was built from when an upgrade changed the index schema, so ./run.sh works after a pull.
/// </summary>
public static class PlanIndexFactory
{
    private static readonly TimeSpan BusyWait = TimeSpan.FromMinutes(10);

    public static PlanIndex Open(IndexOptions options, ILogger logger)
    {
        if (options.BuildBundledPlanIfMissing) BuildIfMissingOrOutdated(new IndexLocation(options.Path), logger);
        return PlanIndex.Open(options.Path, options.RefreshInterval);
    }

    private static void BuildIfMissingOrOutdated(IndexLocation location, ILogger logger)
    {
        var until = DateTime.UtcNow + BusyWait;
        while (true)
        {
            var sources = SourcesToBuild(location, logger);
            if (sources is null) return;
            try
            {
                var report = new PlanIngestor(location).Ingest(sources);
                logger.LogInformation("Indexed {Rows} rows into {Path}", report.RowCount, location.Root);
                return;
            }
            catch (IndexBusyException) when (DateTime.UtcNow < until)
            {
                // Another host (or ictplan ingest) is building it: use what it publishes.
                logger.LogInformation("Another ingest is writing {Path}; waiting for it", location.Root);
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>The documents to build the index from, or null when the served index is usable as it is.</summary>
    private static IReadOnlyList<PlanSource>? SourcesToBuild(IndexLocation location, ILogger logger)
    {
        if (location.CurrentGeneration() is not { } generation)
        {
            logger.LogInformation("No index at {Path}: indexing the bundled plan from {Source}", location.Root, PlanSource.BundledDirectory);
            return PlanSource.Resolve([]);
        }
        IndexManifest? recorded;
        try
        {
            recorded = location.ReadManifest(generation);
        }
        catch (IndexDamagedException)
        {
            return null; // PlanIndex.Open serves the last good generation and reports the damage
        }
        if (recorded is not { IsCurrentSchema: false } manifest) return null;
        try
        {
            var sources = PlanSource.Recorded(manifest);
            logger.LogWarning(
                "The index at {Path} was built by an earlier version (schema {Schema}, now {Current}): rebuilding it from its {Count} document(s)",
                location.Root, manifest.SchemaVersion, IndexManifest.CurrentSchemaVersion, sources.Count);
            return sources;
        }
        catch (FileNotFoundException e)
        {
            throw new IndexMissingException(location.Root,
                $"the index at {location.Root} was built by an earlier version (schema {manifest.SchemaVersion}) and cannot be rebuilt by itself: {e.Message}. Run `ictplan ingest --source ...` with its documents again");
        }
    }
}
