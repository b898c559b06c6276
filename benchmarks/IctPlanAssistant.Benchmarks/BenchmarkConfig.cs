using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// The default configuration: one short but statistically usable job (one process, 3 warm-up and 15 measured
/// iterations, each about half a second), allocations, and the throughput columns. A whole run takes a few
/// minutes on two cores. Pass <c>--job</c> on the command line for another job (e.g. <c>--job medium</c>).
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create(bool jobGivenOnCommandLine)
    {
        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new CharsPerSecondColumn(), new CharsPerSecondRangeColumn(), new ThroughputVsBaselineColumn(fastest: false), new ThroughputVsBaselineColumn(fastest: true), new AllocatedPerCharColumn())
            .AddColumn(StatisticColumn.Min, StatisticColumn.Max);
        if (!jobGivenOnCommandLine)
        {
            config = config.AddJob(Job.Default
                .WithId("Short15")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15));
        }
        return config;
    }
}
