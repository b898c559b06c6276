using System.Collections.Concurrent;
using System.Diagnostics;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Ingestion;

/// <summary>
/// Reads plan documents and builds the index from them, a document at a time on every core, so a collection of
/// a million rows is never held in memory at once. A malformed document fails the ingest with every error's file
/// and line (all documents are still read, to report them all), and the served index stays as it was.
/// </summary>
public sealed class PlanIngestor(IndexLocation location, MeCabModel? model = null)
{
    /// <summary>Parses and indexes the sources, then publishes the new index.</summary>
    /// <param name="progress">Reports rows indexed so far, of the documents read so far.</param>
    /// <exception cref="PlanFormatException">A document has errors; the served index was not changed.</exception>
    public IngestReport Ingest(IReadOnlyList<PlanSource> sources, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var ordered = sources.Select((s, i) => (Source: s, Ordinal: i)).OrderBy(s => s.Source.Key, StringComparer.Ordinal).ThenBy(s => s.Ordinal).ToList();
        var results = new DocumentResult[ordered.Count];
        var errors = new ConcurrentBag<PlanDiagnostic>();
        long totalErrors = 0;
        var documentsRead = 0;
        using var build = new PlanIndexBuilder(location, model).Begin();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, ordered.Count, parallel, i =>
        {
            var (source, _) = ordered[i];
            try
            {
                var document = new PlanDocumentParser().ParseFile(source.Path);
                results[i] = DocumentResult.Of(document, new IndexedSource(Path.GetFullPath(source.Path), source.Key, document.Sections, document.Rows.Count, PlanSource.ContentHash(source.Path)));
                if (!errors.IsEmpty) return; // a document failed: read the rest for their errors, index nothing more
                // Rows keep document order in the id order of export: document ordinal, then (section, number).
                var rows = document.Rows.Select(r => r with { Plan = source.Key }).OrderBy(r => r.Id).ToList();
                for (var k = 0; k < rows.Count; k++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    build.Add(rows[k], ((long)i << 24) | (uint)k);
                }
            }
            catch (PlanFormatException e)
            {
                // A document's list ends with a count of the errors it did not list: keep the list, count them all.
                foreach (var error in e.Errors.Take(PlanDiagnostics.MaxListed)) errors.Add(error);
                Interlocked.Add(ref totalErrors, e.Total);
            }
            catch (RowNotIndexableException e)
            {
                errors.Add(new PlanDiagnostic(source.Path, e.Row.Line, e.Message));
                Interlocked.Increment(ref totalErrors);
            }
            progress?.Report(new IngestProgress(Interlocked.Increment(ref documentsRead), ordered.Count, build.Rows));
        });
        if (!errors.IsEmpty)
        {
            var sorted = errors.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
            throw new PlanFormatException(PlanDiagnostics.Bounded(sorted, totalErrors), totalErrors);
        }
        var manifest = build.Publish(results.Select(r => r.Source).ToList());
        return Report(results, manifest, clock.Elapsed);
    }

    private static IngestReport Report(DocumentResult[] results, IndexManifest manifest, TimeSpan elapsed) => new(
        results.Sum(r => (long)r.Source.Rows),
        results.SelectMany(r => r.Sections).OrderBy(s => s.Plan, StringComparer.Ordinal).ThenBy(s => s.Section).ToList(),
        results.SelectMany(r => r.Departments)
            .GroupBy(d => d.Department, StringComparer.Ordinal)
            .Select(g => new DepartmentCount(g.Key, g.Sum(d => d.Rows), g.Sum(d => d.BudgetThousandYen)))
            .OrderByDescending(d => d.Rows).ThenBy(d => d.Department, StringComparer.Ordinal).ToList(),
        manifest,
        results.SelectMany(r => r.Warnings).ToList(),
        elapsed);

    /// <summary>What the report needs of one document, so its rows need not be kept once indexed.</summary>
    private sealed record DocumentResult(IndexedSource Source, IReadOnlyList<PlanDiagnostic> Warnings, IReadOnlyList<SectionCount> Sections, IReadOnlyList<DepartmentCount> Departments)
    {
        public static DocumentResult Of(PlanDocument document, IndexedSource source) => new(
            source,
            document.Warnings,
            document.Rows.GroupBy(r => (r.Section, r.SectionTitle)).Select(g => new SectionCount(source.Plan, g.Key.Section, g.Key.SectionTitle, g.Count())).ToList(),
            document.Rows.GroupBy(r => r.Department).Select(g => new DepartmentCount(g.Key, g.Count(), g.Sum(r => r.BudgetThousandYen ?? 0))).ToList());
    }
}

/// <summary>How far an ingest is: documents read of all, and rows indexed so far.</summary>
public readonly record struct IngestProgress(int DocumentsRead, int Documents, long RowsIndexed);
