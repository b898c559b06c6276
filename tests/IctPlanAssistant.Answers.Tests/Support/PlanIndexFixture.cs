using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;

namespace IctPlanAssistant.Answers.Tests.Support;

/// <summary>The bundled plan ingested once into a real index in a temp directory (MeCab analysis and all).</summary>
public sealed class PlanIndexFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ictplan-answers-tests-").FullName;

    public PlanIndexFixture()
    {
        new PlanIngestor(new IndexLocation(IndexPath)).Ingest(PlanSource.Resolve([]));
    }

    public string IndexPath => Path.Combine(_root, "index");

    /// <summary>A copy of the index of its own (for tests that write beside the index, like the embedding cache).</summary>
    public string CopyIndex()
    {
        var target = Path.Combine(_root, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        new PlanIngestor(new IndexLocation(target)).Ingest(PlanSource.Resolve([]));
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PlanIndexCollection : ICollectionFixture<PlanIndexFixture>
{
    public const string Name = "plan index";
}
