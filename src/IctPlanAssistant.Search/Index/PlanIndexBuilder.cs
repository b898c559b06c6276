using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Serialization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Builds an index generation from rows, then publishes it. The generation is written to a new directory and
/// only swapped in once it is complete, so a failed or killed build leaves the served index untouched.
/// </summary>
public sealed class PlanIndexBuilder(IndexLocation location, MeCabModel? model = null)
{
    /// <summary>Indexes the rows (ids must be unique) and publishes the new generation.</summary>
    /// <param name="progress">Receives the number of rows indexed so far.</param>
    public IndexManifest Build(IReadOnlyList<PlanRow> rows, IReadOnlyList<IndexedSource> sources, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        using var writeLock = location.LockForWriting();
        var generation = location.CreateGeneration();
        try
        {
            var manifest = Write(generation, rows, sources, progress, cancellationToken);
            var previous = location.CurrentGeneration();
            location.Publish(generation);
            location.RemoveStaleGenerations(previous);
            return manifest;
        }
        catch
        {
            TryDelete(generation);
            throw;
        }
    }

    private IndexManifest Write(string generation, IReadOnlyList<PlanRow> rows, IReadOnlyList<IndexedSource> sources, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var ordered = rows.OrderBy(r => r.Id).ToList();
        using (var analyzer = PlanAnalyzers.Create(model))
        using (var directory = FSDirectory.Open(generation))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.JapaneseAnalyzer.Version, analyzer)
               {
                   OpenMode = OpenMode.CREATE,
                   RAMBufferSizeMB = 64,
                   Similarity = PlanSimilarity.Instance,
               }))
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var doc = RowDocument.Create(ordered[i]);
                doc.Add(new NumericDocValuesField(PlanFields.Order, i));
                writer.AddDocument(doc);
                if ((i + 1) % 500 == 0) progress?.Report(i + 1);
            }
            progress?.Report(ordered.Count);
            writer.Commit();
        }
        var manifest = new IndexManifest(IndexManifest.CurrentSchemaVersion, DateTimeOffset.UtcNow, ordered.Count, sources);
        var path = Path.Combine(generation, IndexManifest.FileName);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var streamWriter = new StreamWriter(stream))
        {
            streamWriter.Write(PlanJson.Serialize(manifest, indented: true));
            streamWriter.Flush();
            stream.Flush(flushToDisk: true);
        }
        return manifest;
    }

    private static void TryDelete(string directory)
    {
        try { System.IO.Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }
}
