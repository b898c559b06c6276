using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>
/// A published generation damaged on disk (a few KB of its stored fields or terms overwritten, its manifest
/// broken) is never served: the last good generation goes on answering, before and after a restart, and the
/// index says what is wrong until a good generation is published.
/// </summary>
public sealed class DamagedGenerationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IndexLocation _location;

    public DamagedGenerationTests() => _location = new IndexLocation(_dir.Combine("index"));

    public void Dispose() => _dir.Dispose();

    private string Ingest(string name, string topic)
    {
        new PlanIngestor(_location).Ingest(PlanSource.Resolve([SmallPlan.Valid(_dir.Path, name, topic)]));
        return _location.CurrentGeneration()!;
    }

    public static TheoryData<string> Damages => new() { "stored fields", "terms", "manifest" };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_generation_is_not_swapped_in_and_the_last_good_one_answers(string damage)
    {
        var good = Ingest("a.txt", "ドローン");
        using var index = PlanIndex.Open(_location.Root, checkInterval: TimeSpan.FromHours(1));
        var damaged = Ingest("b.txt", "タブレット");
        Damage(damaged, damage);

        Assert.False(index.Refresh());

        Assert.Equal(good, index.Generation);
        Assert.Equal(damaged, index.Damage?.Generation);
        Assert.Equal(["1-1"], Search(index, "ドローン"));
        Assert.False(index.Refresh()); // checked once, not at every look
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_host_started_on_a_damaged_generation_serves_the_last_good_one(string damage)
    {
        var good = Ingest("a.txt", "ドローン");
        var damaged = Ingest("b.txt", "タブレット");
        Damage(damaged, damage);

        using var index = PlanIndex.Open(_location.Root);

        Assert.Equal(good, index.Generation);
        Assert.Equal(damaged, index.Damage?.Generation);
        Assert.Equal(["1-1"], Search(index, "ドローン"));
    }

    [Fact]
    public void A_good_generation_published_after_a_damaged_one_is_served_and_clears_the_damage()
    {
        Ingest("a.txt", "ドローン");
        using var index = PlanIndex.Open(_location.Root, checkInterval: TimeSpan.FromHours(1));
        Damage(Ingest("b.txt", "タブレット"), "terms");
        index.Refresh();
        var repaired = Ingest("c.txt", "マイナンバー");

        Assert.True(index.Refresh());

        Assert.Equal(repaired, index.Generation);
        Assert.Null(index.Damage);
        Assert.Equal(["1-1"], Search(index, "マイナンバー"));
    }

    [Fact]
    public void With_no_good_generation_left_opening_fails_with_a_message_that_names_the_damage()
    {
        var only = Ingest("a.txt", "ドローン");
        Damage(only, "manifest");

        var error = Assert.Throws<IndexDamagedException>(() => PlanIndex.Open(_location.Root));

        Assert.Contains(only, error.Message);
        Assert.Contains("ingest", error.Message);
    }

    private static List<string> Search(PlanIndex index, string text) =>
        new PlanRetriever(index, PlanAnalyzers.Create()).Retrieve(QueryInterpretation.ForText(text)).Rows.Select(r => r.Row.Id.ToString()).ToList();

    private static void Damage(string generation, string what) => IndexFiles.Damage(generation, what);
}
