using System.Globalization;
using BenchmarkDotNet.Running;
using IctPlanAssistant.Benchmarks;

// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --breakdown [rounds]
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --ingest-profile DIR [threads] [RAM buffer MB] [--writer-only]
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --index-digest INDEX
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --latency INDEX [rounds] [--vary] [--cold]
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --ingest-floor DIR
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --suggest-latency INDEX [rounds]
// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --suggest-prefixes
if (args.Length > 1 && args[0] == "--ingest-floor")
{
    IngestFloor.Run(args[1]);
    return;
}
if (args.Length > 1 && args[0] == "--ingest-profile")
{
    IngestProfile.Run(
        args[1],
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount,
        args.Length > 3 && args[3] != "--writer-only" ? double.Parse(args[3], CultureInfo.InvariantCulture) : null,
        writerOnly: args.Contains("--writer-only"));
    return;
}
if (args.Length > 1 && args[0] == "--index-digest")
{
    IndexDigest.Run(args[1]);
    return;
}
if (args.Length > 1 && args[0] == "--latency")
{
    TurnLatency.Run(args[1], args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
        vary: args.Contains("--vary"), cold: args.Contains("--cold"));
    return;
}
if (args.Length > 0 && args[0] == "--suggest-prefixes")
{
    SuggestLatency.PrintPrefixes();
    return;
}
if (args.Length > 1 && args[0] == "--suggest-latency")
{
    SuggestLatency.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}
var corpus = PlanCorpus.Shared;
Console.WriteLine(
    $"Corpus: {corpus.Path}: {corpus.Rows} rows, {corpus.Cells.Length} text cells, {corpus.Chars:N0} chars " +
    $"(longest cell {corpus.Cells.Max(c => c.Length):N0}); one analysis operation = ×{AnalysisBenchmarks.Repeat} = {AnalysisBenchmarks.CharsPerOperation:N0} chars.");
if (args.Length > 0 && args[0] == "--breakdown")
{
    Breakdown.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
    return;
}
var jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
BenchmarkSwitcher.FromAssembly(typeof(AnalysisBenchmarks).Assembly).Run(args, BenchmarkConfig.Create(jobGiven));
