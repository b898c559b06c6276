using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>The gate finds the level its best rows reach by selection: the k-th largest must be what sorting gives.</summary>
public sealed class SelectionTests
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
                Assert.Equal(sorted[k - 1], Selection.KthLargest(values.ToArray().AsSpan(), k));
            }
        }
    }

    [Fact]
    public void Coverages_that_are_all_equal_select_that_coverage()
    {
        var values = Enumerable.Repeat(0.5f, 1000).ToArray();

        Assert.Equal(0.5f, Selection.KthLargest(values.AsSpan(), 500));
    }

    [Fact]
    public void Sorted_and_reversed_input_is_selected_too()
    {
        var ascending = Enumerable.Range(0, 10_000).Select(i => (float)i).ToArray();
        Assert.Equal(9_899f, Selection.KthLargest(ascending.ToArray().AsSpan(), 101));
        Assert.Equal(9_899f, Selection.KthLargest(ascending.Reverse().ToArray().AsSpan(), 101));
    }

    [Fact]
    public void A_k_outside_the_values_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.KthLargest(new long[3].AsSpan(), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.KthLargest(new long[3].AsSpan(), 4));
    }
}
