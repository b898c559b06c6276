using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>How a host opens its index: built when missing, rebuilt after an upgrade changed the schema, else as it is.</summary>
public sealed class PlanIndexFactoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ictplan-factory-tests-").FullName;

    private string IndexPath => Path.Combine(_dir, "index");

    private static string BundledPlan => Directory.EnumerateFiles(PlanSource.BundledDirectory).Single();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_missing_index_is_built_from_the_bundled_plan()
    {
        using var index = Open(buildIfMissing: true);

        using var snapshot = index.Acquire();
        Assert.Equal(103, snapshot.Manifest!.Rows);
    }

    [Fact]
    public void An_index_of_an_earlier_schema_is_rebuilt_from_the_documents_it_was_built_from()
    {
        var copy = Path.Combine(_dir, "fukushima.txt");
        File.Copy(BundledPlan, copy);
        Ingest(new PlanSource(copy, "2017"), new PlanSource(BundledPlan, "copy"));
        var old = MarkAsEarlierSchema();

        using var index = Open(buildIfMissing: true);

        using var snapshot = index.Acquire();
        Assert.NotEqual(old, snapshot.Generation);
        Assert.True(snapshot.Manifest!.IsCurrentSchema);
        Assert.Equal(206, snapshot.Manifest.Rows);
        Assert.Equal(["2017", "copy"], snapshot.Manifest.Sources.Select(s => s.Plan).Order());
    }

    [Fact]
    public void A_document_moved_away_is_found_again_in_the_bundled_plans_by_its_content()
    {
        var copy = Path.Combine(_dir, "moved.txt");
        File.Copy(BundledPlan, copy);
        Ingest(new PlanSource(copy, null));
        MarkAsEarlierSchema();
        File.Delete(copy);

        using var index = Open(buildIfMissing: true);

        using var snapshot = index.Acquire();
        Assert.Equal(BundledPlan, snapshot.Manifest!.Sources.Single().Path);
    }

    [Fact]
    public void An_index_of_an_earlier_schema_whose_document_changed_is_a_clear_error_and_is_kept()
    {
        var copy = Path.Combine(_dir, "changed.txt");
        File.Copy(BundledPlan, copy);
        File.AppendAllText(copy, "\n"); // not the bundled plan's content either
        Ingest(new PlanSource(copy, null));
        var old = MarkAsEarlierSchema();
        File.AppendAllText(copy, "\n");

        var error = Assert.Throws<IndexMissingException>(() => Open(buildIfMissing: true));

        Assert.Contains(copy, error.Message);
        Assert.Contains("ictplan ingest", error.Message);
        Assert.Equal(old, new IndexLocation(IndexPath).CurrentGeneration());
    }

    [Fact]
    public void A_current_index_is_opened_as_it_is()
    {
        Ingest(new PlanSource(BundledPlan, null));
        var served = new IndexLocation(IndexPath).CurrentGeneration();

        using var index = Open(buildIfMissing: true);

        Assert.Equal(served, index.Generation);
    }

    [Fact]
    public void Without_building_an_index_of_an_earlier_schema_is_refused()
    {
        Ingest(new PlanSource(BundledPlan, null));
        MarkAsEarlierSchema();

        var error = Assert.Throws<IndexMissingException>(() => Open(buildIfMissing: false));

        Assert.Contains("schema 2", error.Message);
    }

    private PlanIndex Open(bool buildIfMissing) =>
        PlanIndexFactory.Open(new IndexOptions { Path = IndexPath, BuildBundledPlanIfMissing = buildIfMissing }, NullLogger.Instance);

    private void Ingest(params PlanSource[] sources) => new PlanIngestor(new IndexLocation(IndexPath)).Ingest(sources);

    /// <summary>Makes the served generation look as if an earlier version had built it; returns that generation.</summary>
    private string MarkAsEarlierSchema()
    {
        var generation = new IndexLocation(IndexPath).CurrentGeneration()!;
        var manifest = Path.Combine(generation, IndexManifest.FileName);
        var text = File.ReadAllText(manifest);
        Assert.Contains($"\"schemaVersion\": {IndexManifest.CurrentSchemaVersion},", text);
        File.WriteAllText(manifest, text.Replace($"\"schemaVersion\": {IndexManifest.CurrentSchemaVersion},", "\"schemaVersion\": 2,"));
        return generation;
    }
}
