using BenchmarkDotNet.Attributes;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// `ictplan ingest` of the bundled plan without the console: parse the document, index its rows into a new
/// generation (Japanese and bigram fields, doc values, stored row JSON, fsync of the manifest) and publish it.
/// The MeCab model is loaded once per process, as in a long-running host; its load time is not included.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _root = "";
    private IndexLocation _location = null!;
    private IReadOnlyList<PlanSource> _sources = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "ictplan-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _location = new IndexLocation(_root);
        _sources = [new PlanSource(PlanCorpus.FindPlan(), null)];
        _ = MeCabModel.Shared;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "Ingest bundled plan")]
    public long Ingest()
    {
        var report = new PlanIngestor(_location).Ingest(_sources);
        return report.RowCount;
    }
}
