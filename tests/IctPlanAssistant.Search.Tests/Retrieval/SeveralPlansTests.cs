using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// An index of two plans (the bundled plan ingested as <c>y2017</c> and again as <c>y2018</c>): every row keyed by
/// its plan, the plan a filter, and the results counted by plan.
/// </summary>
public sealed class SeveralPlansTests : IDisposable
{
    private readonly BundledIndexFixture _plans = BundledIndexFixture.OfPlans(["y2017", "y2018"]);

    public void Dispose() => _plans.Dispose();

    [Fact]
    public void WithoutAPlan_BothPlansRowsMatch_KeyedByTheirPlan()
    {
        var result = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("保健福祉部でタブレットを使っている事業は？"));

        Assert.Equal(["y2017:1-2", "y2017:3-8", "y2018:1-2", "y2018:3-8"], result.Rows.Select(r => r.Row.Id.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal([("y2017", 2), ("y2018", 2)], result.Facets.Plans.Select(p => (p.Value, p.Count)));
    }

    [Fact]
    public void APlan_FiltersTheRows_TheCountsAndTheSums()
    {
        var interpretation = _plans.Interpreter.Interpret("危機管理部の事業費を全部足すといくら？") with { Plan = "y2018" };

        var result = _plans.Retriever.Retrieve(interpretation);

        Assert.All(result.Rows, r => Assert.Equal("y2018", r.Row.Plan));
        Assert.Equal(1_943_959, result.Aggregate.BudgetSum); // one plan's sum, not both plans'
        Assert.Equal([("y2018", result.Total)], result.Facets.Plans.Select(p => (p.Value, p.Count)));
    }

    [Fact]
    public void APlanAlone_OnlySaysWhereToLook_ItsWordsStillDecide()
    {
        var everywhere = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("システム"));

        var inOnePlan = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("システム") with { Plan = "y2017" });

        // A department filter would let a word this common only rank its rows; a plan does not.
        Assert.InRange(inOnePlan.Total, 1, 102);
        Assert.Equal(everywhere.Total, inOnePlan.Total * 2);
    }

    [Fact]
    public void APlanTheIndexDoesNotHold_MatchesNothing()
    {
        var result = _plans.Retriever.Retrieve(_plans.Interpreter.Interpret("タブレット") with { Plan = "y1999" });

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Facets.Plans);
    }

    [Fact]
    public void AOnePlanIndex_HasNoPlanFacet()
    {
        using var dir = new TempDirectory();
        var location = new IndexLocation(Path.Combine(dir.Path, "index"));
        new PlanIngestor(location).Ingest(PlanSource.Resolve([BundledPlan.Path]));
        using var index = PlanIndex.Open(location.Root);

        var result = new PlanRetriever(index, PlanAnalyzers.Create()).Retrieve(new QueryInterpretation { Question = "" }, RetrievalOptions.Default);

        Assert.Equal(103, result.Total);
        Assert.Empty(result.Facets.Plans);
    }
}
