using BenchmarkDotNet.Running;
using IctPlanAssistant.Benchmarks;

// dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --filter '*'
var corpus = PlanCorpus.Shared;
Console.WriteLine(
    $"Corpus: {corpus.Path}: {corpus.Rows} rows, {corpus.Cells.Length} text cells, {corpus.Chars:N0} chars " +
    $"(longest cell {corpus.Cells.Max(c => c.Length):N0}); one analysis operation = ×{AnalysisBenchmarks.Repeat} = {AnalysisBenchmarks.CharsPerOperation:N0} chars.");
var jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
BenchmarkSwitcher.FromAssembly(typeof(AnalysisBenchmarks).Assembly).Run(args, BenchmarkConfig.Create(jobGiven));
