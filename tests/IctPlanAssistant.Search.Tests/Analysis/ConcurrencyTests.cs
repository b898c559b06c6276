using IctPlanAssistant.Search.Analysis;

namespace IctPlanAssistant.Search.Tests.Analysis;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Analyze_OnFourThreadsAtOnce_GivesExactlyTheSingleThreadTokens()
    {
        var cells = BundledPlan.Cells.Concat(BundledPlan.CleanFields).ToArray();
        var expected = cells.Select(c => Tokens.Of(new JapaneseAnalyzer(), c)).ToArray();

        using var shared = new JapaneseAnalyzer();
        const int threads = 4;
        var results = new List<Token>[threads][];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = new List<Token>[cells.Length];
            start.SignalAndWait();
            // Each thread walks the cells from a different place, so threads parse different text at the same time.
            for (var k = 0; k < cells.Length; k++)
            {
                var i = (k + t * cells.Length / threads) % cells.Length;
                mine[i] = Tokens.Of(shared, cells[i]);
            }
            results[t] = mine;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromSeconds(60)), "a thread did not finish"));

        for (var t = 0; t < threads; t++)
        {
            Assert.NotNull(results[t]);
            for (var i = 0; i < cells.Length; i++)
            {
                Assert.Equal(expected[i], results[t][i]);
            }
        }
        Assert.True(expected.Sum(e => e.Count) > 10000);
    }
}
