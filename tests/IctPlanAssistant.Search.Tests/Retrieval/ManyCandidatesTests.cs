using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// A question matching far more rows than are ranked (the bundled plan ingested eight times): only a window of the
/// likeliest rows is scored, yet every match is counted and summed, and the rows returned are the best scored.
/// </summary>
public sealed class ManyCandidatesTests : IDisposable
{
    private const int Copies = 8;
    private readonly TempDirectory _dir = new();
    private readonly PlanIndex _index;
    private readonly PlanRetriever _retriever;
    private readonly QueryInterpreter _interpreter;

    public ManyCandidatesTests()
    {
        var location = new IndexLocation(Path.Combine(_dir.Path, "index"));
        new PlanIngestor(location).Ingest(PlanSource.Resolve(Enumerable.Range(1, Copies).Select(i => $"p{i}={BundledPlan.Path}").ToList()));
        _index = PlanIndex.Open(location.Root);
        _retriever = new PlanRetriever(_index, PlanAnalyzers.Create());
        _interpreter = new QueryInterpreter(Glossary.Load(), _index);
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void EveryMatchIsCounted_AndTheRowsReturnedAreScoredBestFirst()
    {
        var single = MatchesInOnePlan("システム");

        var result = _retriever.Retrieve(_interpreter.Interpret("システム"), RetrievalOptions.Default with { Top = 5 });

        Assert.True(single * Copies > 100, "the question must match more rows than the window scores");
        Assert.Equal(single * Copies, result.Total);
        Assert.Equal(5, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.Score > 0));
        Assert.Equal(result.Rows.Select(r => r.Score).OrderByDescending(s => s), result.Rows.Select(r => r.Score));
        // The best rows of one plan are the best rows of every copy of it.
        var best = _retriever.Retrieve(_interpreter.Interpret("システム") with { Plan = "p1" }, RetrievalOptions.Default with { Top = 1 }).Rows[0];
        Assert.Equal(best.Score, result.Rows[0].Score, precision: 4);
    }

    [Fact]
    public void ASumOverManyMatches_AddsEveryRow()
    {
        var one = _retriever.Retrieve(_interpreter.Interpret("保健福祉部の事業費の合計は？") with { Plan = "p3" });

        var all = _retriever.Retrieve(_interpreter.Interpret("保健福祉部の事業費の合計は？"));

        Assert.Equal(one.Aggregate.BudgetSum * Copies, all.Aggregate.BudgetSum);
        Assert.Equal(one.Total * Copies, all.Total);
    }

    private int MatchesInOnePlan(string question) =>
        _retriever.Retrieve(_interpreter.Interpret(question) with { Plan = "p1" }).Total;
}
