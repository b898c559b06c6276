using System.Globalization;

namespace IctPlanAssistant.Benchmarks;

/// <summary>What the latency harnesses share: warming up to the JIT's steady state, and printing percentiles.</summary>
internal static class SteadyState
{
    private const int MaxWarmUpRounds = 30;

    /// <summary>
    /// Runs <paramref name="round"/> until the JIT has settled, as in a host that has run a while: tiered compilation
    /// recompiles a hot method with full optimisation only after it has run many times, in the background, so one
    /// round measures code that is still partly unoptimised. A round that compiles no method ends it (at least 3,
    /// at most 30 rounds). Returns the rounds run.
    /// </summary>
    public static int WarmUp(Action round)
    {
        var rounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            round();
            Thread.Sleep(500); // for the background compiler
            rounds++;
        }
        while ((rounds < 3 || System.Runtime.JitInfo.GetCompiledMethodCount() > compiled) && rounds < MaxWarmUpRounds);
        return rounds;
    }

    /// <summary>One line: the name, then p50, p90, p99, max and mean in milliseconds (sorts the values).</summary>
    public static void Print(string name, List<double> values, int nameWidth = 30)
    {
        values.Sort();
        double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name.PadRight(nameWidth)}{P(0.50),8:0.000}  {P(0.90),8:0.000}  {P(0.99),8:0.000}  {values[^1],8:0.000}  {values.Average(),8:0.000}"));
    }
}
