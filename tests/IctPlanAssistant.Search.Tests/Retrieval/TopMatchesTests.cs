using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>The first k matches in an order: offered all at once, the same as offered one by one.</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class TopMatchesTests(BundledIndexFixture bundled)
{
    [Theory]
    [InlineData(RowSort.Relevance, true)]
    [InlineData(RowSort.Relevance, false)]
    [InlineData(RowSort.BudgetDescending, true)]
    [InlineData(RowSort.BudgetAscending, true)]
    [InlineData(RowSort.Id, false)]
    public void Offering_all_at_once_keeps_and_counts_what_offering_one_by_one_does(RowSort sort, bool ranked)
    {
        using var snapshot = bundled.Index.Acquire();
        var values = snapshot.Values;
        var random = new Random(11);
        // Every row a few times over, in a shuffled order, with scores of few levels (ties on the primary key).
        var matches = Enumerable.Range(0, 3 * values.MaxDoc).Select(i => new Match(i % values.MaxDoc, random.Next(4) * 0.5f, 1f))
            .OrderBy(_ => random.Next()).ToArray();
        var order = MatchOrder.For(sort, ranked, values);
        foreach (var k in new[] { 0, 1, 7, 20, 200, 1000 })
        {
            var one = new TopMatches(order, k, matches.Length);
            foreach (var match in matches) one.Offer(match);
            var all = new TopMatches(order, k, matches.Length);
            all.OfferAll(matches);

            Assert.Equal(one.Offered, all.Offered);
            Assert.Equal(one.ToList(), all.ToList());
        }
    }
}
