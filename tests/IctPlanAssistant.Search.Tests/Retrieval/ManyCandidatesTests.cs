using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// A question matching far more rows than are ranked (the bundled plan ingested eight times): only a window of the
/// likeliest rows is scored, yet every match is counted and summed, and the rows returned are the best scored.
/// </summary>
public sealed class ManyCandidatesTests : IDisposable
{
    private const int Copies = 8;
    private readonly BundledIndexFixture _plans = BundledIndexFixture.OfPlans(Enumerable.Range(1, Copies).Select(i => $"p{i}"));

    public void Dispose() => _plans.Dispose();

    [Fact]
    public void EveryMatchIsCounted_AndTheRowsReturnedAreScoredBestFirst()
    {
        var single = MatchesInOnePlan("システム");

        var result = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("システム"), RetrievalOptions.Default with { Top = 5 });

        Assert.True(single * Copies > 100, "the question must match more rows than the window scores");
        Assert.Equal(single * Copies, result.Total);
        Assert.Equal(5, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.Score > 0));
        Assert.Equal(result.Rows.Select(r => r.Score).OrderByDescending(s => s), result.Rows.Select(r => r.Score));
        // The best rows of one plan are the best rows of every copy of it.
        var best = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("システム") with { Plan = "p1" }, RetrievalOptions.Default with { Top = 1 }).Rows[0];
        Assert.Equal(best.Score, result.Rows[0].Score, precision: 4);
    }

    [Fact]
    public void ASumOverManyMatches_AddsEveryRow()
    {
        var one = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("保健福祉部の事業費の合計は？") with { Plan = "p3" });

        var all = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("保健福祉部の事業費の合計は？"));

        Assert.Equal(one.Aggregate.BudgetSum * Copies, all.Aggregate.BudgetSum);
        Assert.Equal(one.Total * Copies, all.Total);
    }

    private int MatchesInOnePlan(string question) =>
        _plans.Retriever.Retrieve(_plans.Interpreter.Interpret(question) with { Plan = "p1" }).Total;
}
