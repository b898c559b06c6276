using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>The bundled plan ingested once into a real index in a temp directory, opened for searching.</summary>
public sealed class BundledIndexFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BundledIndexFixture()
    {
        Location = new IndexLocation(Path.Combine(_dir.Path, "index"));
        Report = new PlanIngestor(Location).Ingest(PlanSource.Resolve([BundledPlan.Path]));
        Index = PlanIndex.Open(Location.Root);
        Retriever = new PlanRetriever(Index, PlanAnalyzers.Create());
    }

    public IndexLocation Location { get; }

    public IngestReport Report { get; }

    public PlanIndex Index { get; }

    public PlanRetriever Retriever { get; }

    public RetrievalResult Search(string text, int top = 200) =>
        Retriever.Retrieve(QueryInterpretation.ForText(text), RetrievalOptions.Default with { Top = top });

    public void Dispose()
    {
        Index.Dispose();
        _dir.Dispose();
    }
}
