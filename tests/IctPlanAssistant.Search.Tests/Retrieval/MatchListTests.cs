using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>The gate's matches live in pooled storage: a list must hold what was added, in order, however it grew.</summary>
public sealed class MatchListTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(10, 1000)]
    [InlineData(100_000, 100_000)]
    public void Every_match_added_is_listed_in_order(int capacity, int added)
    {
        using var list = new MatchList(capacity);
        for (var doc = 0; doc < added; doc++) list.Add(new Match(doc, doc * 0.5f, 1f));

        Assert.Equal(added, list.Count);
        Assert.Equal(Enumerable.Range(0, added), ((IEnumerable<Match>)list).Select(m => m.Doc));
        var spanned = 0;
        foreach (var match in list) Assert.Equal(spanned++, match.Doc);
        Assert.Equal(added, spanned);
        Assert.Equal(added - 1, list[added - 1].Doc);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[added]);
    }

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(10, 10, 10)]
    [InlineData(4, 1000, 700)]
    public void Matches_written_in_place_are_listed_after_those_added(int capacity, int room, int written)
    {
        using var list = new MatchList(capacity);
        list.Add(new Match(-1, 0f, 1f));
        var free = list.Room(room);
        Assert.Equal(room, free.Length);
        for (var doc = 0; doc < written; doc++) free[doc] = new Match(doc, 1f, 1f);
        list.Added(written);

        Assert.Equal(written + 1, list.Count);
        Assert.Equal(Enumerable.Range(-1, written + 1), ((IEnumerable<Match>)list).Select(m => m.Doc));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Added(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Added(int.MaxValue / 2)); // more than the storage holds
    }

    [Fact]
    public void A_list_given_back_is_empty_and_may_be_given_back_again()
    {
        var list = new MatchList(8);
        list.Add(new Match(1, 1f, 1f));

        list.Dispose();
        list.Dispose();

        Assert.Empty(list);
    }
}
