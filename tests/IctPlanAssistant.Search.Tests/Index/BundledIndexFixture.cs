using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>The bundled plan ingested into a real index in a temp directory (once, or under several plan keys), opened for searching.</summary>
public sealed class BundledIndexFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BundledIndexFixture()
        : this([BundledPlan.Path])
    {
    }

    private BundledIndexFixture(IReadOnlyList<string> sources)
    {
        Location = new IndexLocation(Path.Combine(_dir.Path, "index"));
        Report = new PlanIngestor(Location).Ingest(PlanSource.Resolve(sources));
        Index = PlanIndex.Open(Location.Root);
        Retriever = new PlanRetriever(Index, PlanAnalyzers.Create());
        Glossary = Glossary.Load();
        Interpreter = new QueryInterpreter(Glossary, Index);
        PlanSearch = new PlanSearch(Interpreter, Retriever);
    }

    /// <summary>An index holding the bundled plan once under each key, as several plans (ids <c>KEY:S-N</c>).</summary>
    public static BundledIndexFixture OfPlans(IEnumerable<string> keys) => new(keys.Select(key => $"{key}={BundledPlan.Path}").ToList());

    /// <summary>The glossary installed beside the test assembly (data/glossary).</summary>
    public Glossary Glossary { get; }

    /// <summary>Reads questions against this index's names and words, with real MeCab.</summary>
    public QueryInterpreter Interpreter { get; }

    public IndexLocation Location { get; }

    public IngestReport Report { get; }

    public PlanIndex Index { get; }

    public PlanRetriever Retriever { get; }

    /// <summary>The search every channel uses, over this index.</summary>
    public PlanSearch PlanSearch { get; }

    public RetrievalResult Search(string text, int top = 200) =>
        Retriever.Retrieve(QueryInterpretation.ForText(text), RetrievalOptions.Default with { Top = top });

    /// <summary>Interprets a question (in a conversation, when there is a previous turn) and retrieves its rows as the assistant does.</summary>
    public RetrievalResult Ask(string question, PreviousTurn? previous = null, int top = 20) =>
        Retriever.Retrieve(Interpreter.Interpret(question, previous), RetrievalOptions.Default with { Top = top, CommonWordsOnlyRank = true });

    public void Dispose()
    {
        Index.Dispose();
        _dir.Dispose();
    }
}

/// <summary>Test classes that share one real index of the bundled plan (built once, ~1 s).</summary>
[CollectionDefinition(Name)]
public sealed class BundledIndexCollection : ICollectionFixture<BundledIndexFixture>
{
    public const string Name = "bundled index";
}
