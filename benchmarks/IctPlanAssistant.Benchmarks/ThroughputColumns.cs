using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// Throughput columns for the analysis benchmarks, computed in the host process from the mean time per operation
/// and the characters one operation analyses (the same corpus, loaded the same way).
/// </summary>
internal abstract class ThroughputColumn(string id, string name, string legend) : IColumn
{
    public string Id => id;
    public string ColumnName => name;
    public string Legend => legend;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);
    public abstract string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style);

    protected static double? CharsPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type != typeof(AnalysisBenchmarks)) return null;
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNs is > 0 ? AnalysisBenchmarks.CharsPerOperation / (meanNs.Value / 1e9) : null;
    }
}

/// <summary>Millions of characters per second at the mean time, with the range over the iterations (slowest–fastest).</summary>
internal sealed class CharsPerSecondColumn() : ThroughputColumn("CharsPerSecond", "M chars/s", "Million UTF-16 chars analysed per second at the mean time (single thread)")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        CharsPerSecond(summary, benchmarkCase) is { } cps ? (cps / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-";
}

internal sealed class CharsPerSecondRangeColumn() : ThroughputColumn("CharsPerSecondRange", "M chars/s range", "Slowest and fastest iteration, in million chars per second")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(AnalysisBenchmarks)) return "-";
        if (summary[benchmarkCase]?.ResultStatistics is not { } stats || stats.Min <= 0) return "-";
        double Rate(double ns) => AnalysisBenchmarks.CharsPerOperation / (ns / 1e9) / 1e6;
        return string.Create(CultureInfo.InvariantCulture, $"{Rate(stats.Max):0.00}–{Rate(stats.Min):0.00}");
    }
}

/// <summary>
/// Throughput as a share of the baseline's (the bare MeCab parse): baseline time / this time, at the mean or, with
/// <c>fastest</c>, at the fastest iteration of each (less sensitive to other processes competing for the cores).
/// </summary>
internal sealed class ThroughputVsBaselineColumn(bool fastest) : ThroughputColumn(
    fastest ? "ThroughputVsBaselineFastest" : "ThroughputVsBaseline",
    fastest ? "vs MeCab (fastest)" : "vs MeCab",
    fastest
        ? "Throughput as a share of the baseline's at the fastest iteration of each: baseline min time / this min time"
        : "Throughput as a share of the baseline (bare MeCab parse): baseline mean time / this mean time")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(AnalysisBenchmarks)) return "-";
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var baseTime = baseline is null ? null : Time(summary[baseline]?.ResultStatistics);
        var time = Time(summary[benchmarkCase]?.ResultStatistics);
        return baseTime is > 0 && time is > 0
            ? (baseTime.Value / time.Value).ToString("0.0%", CultureInfo.InvariantCulture)
            : "-";
    }

    private double? Time(BenchmarkDotNet.Mathematics.Statistics? stats) => fastest ? stats?.Min : stats?.Mean;
}

/// <summary>Bytes allocated per character analysed.</summary>
internal sealed class AllocatedPerCharColumn() : ThroughputColumn("AllocatedPerChar", "B/char", "Managed bytes allocated per character analysed")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(AnalysisBenchmarks)) return "-";
        if (summary[benchmarkCase] is not { } report) return "-";
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is { } b ? ((double)b / AnalysisBenchmarks.CharsPerOperation).ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }
}
