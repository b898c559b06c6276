using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>The gate finds the level its best rows reach by selection: the k-th largest must be what sorting gives.</summary>
public sealed class LargestValuesTests
{
    [Theory]
    [InlineData(1, 10)]      // all distinct
    [InlineData(100, 3)]     // a few levels, many rows each (as coverages are)
    [InlineData(5000, 7)]
    [InlineData(5000, 5000)]
    public void The_kth_largest_is_the_kth_of_the_values_sorted_from_the_largest(int count, int distinct)
    {
        var random = new Random(count * 31 + distinct);
        for (var round = 0; round < 20; round++)
        {
            var values = Enumerable.Range(0, count).Select(_ => (long)random.Next(distinct)).ToArray();
            var sorted = values.OrderDescending().ToArray();
            foreach (var k in new[] { 1, 2, count / 2 + 1, count }.Where(k => k >= 1 && k <= count).Distinct())
            {
                var largest = Offered(values, k);
                Assert.Equal(sorted[k - 1], largest.Kth);
                Assert.Equal(values.Count(v => v > sorted[k - 1]), largest.CountAbove(largest.Kth));
            }
        }
    }

    [Fact]
    public void Coverages_that_are_all_equal_select_that_coverage()
    {
        var largest = Offered(Enumerable.Repeat(0.5f, 1000), 500);

        Assert.Equal(0.5f, largest.Kth);
        Assert.Equal(0, largest.CountAbove(0.5f));
    }

    [Fact]
    public void Sorted_and_reversed_input_is_selected_too()
    {
        var ascending = Enumerable.Range(0, 10_000).Select(i => (float)i).ToArray();
        Assert.Equal(9_899f, Offered(ascending, 101).Kth);
        Assert.Equal(9_899f, Offered(ascending.Reverse(), 101).Kth);
        Assert.Equal(100, Offered(ascending.Reverse(), 101).CountAbove(9_899f));
    }

    [Fact]
    public void A_k_below_one_or_fewer_values_than_k_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargestValues<long>(0));
        Assert.Throws<InvalidOperationException>(() => Offered(new long[3], 4).Kth);
    }

    private static LargestValues<T> Offered<T>(IEnumerable<T> values, int k) where T : struct, IComparable<T>
    {
        var largest = new LargestValues<T>(k);
        foreach (var value in values) largest.Offer(value);
        return largest;
    }
}
