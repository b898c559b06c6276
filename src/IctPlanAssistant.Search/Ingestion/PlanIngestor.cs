using System.Diagnostics;
using System.Security.Cryptography;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Ingestion;

/// <summary>
/// Reads plan documents and builds the index from them. Every document is parsed before anything is written,
/// so a malformed document fails the ingest with its file and line and the served index stays as it was.
/// </summary>
public sealed class PlanIngestor(IndexLocation location, MeCabModel? model = null)
{
    /// <summary>Parses and indexes the sources.</summary>
    /// <param name="progress">Reports (stage, done, total): parsing documents, then indexing rows.</param>
    /// <exception cref="PlanFormatException">A document has errors; nothing was written.</exception>
    public IngestReport Ingest(IReadOnlyList<PlanSource> sources, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var parser = new PlanDocumentParser();
        var rows = new List<PlanRow>();
        var warnings = new List<PlanDiagnostic>();
        var errors = new List<PlanDiagnostic>();
        var indexed = new List<IndexedSource>();
        for (var i = 0; i < sources.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IngestProgress(IngestStage.Parsing, i, sources.Count));
            var source = sources[i];
            try
            {
                var document = parser.ParseFile(source.Path);
                rows.AddRange(document.Rows.Select(r => r with { Plan = source.Key }));
                warnings.AddRange(document.Warnings);
                indexed.Add(new IndexedSource(Path.GetFullPath(source.Path), source.Key, document.Sections, document.Rows.Count, Sha256(source.Path)));
            }
            catch (PlanFormatException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new PlanFormatException(errors);
        progress?.Report(new IngestProgress(IngestStage.Indexing, 0, rows.Count));
        var rowProgress = progress is null ? null : new SynchronousProgress<int>(n => progress.Report(new IngestProgress(IngestStage.Indexing, n, rows.Count)));
        var manifest = new PlanIndexBuilder(location, model).Build(rows, indexed, rowProgress, cancellationToken);
        return new IngestReport(rows, manifest, warnings, clock.Elapsed);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Forwards progress on the calling thread (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

public enum IngestStage { Parsing, Indexing }

public readonly record struct IngestProgress(IngestStage Stage, int Done, int Total);
