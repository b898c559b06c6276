using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Serialization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Builds index generations. A build writes a new generation directory and is published only when complete, so a
/// failed or killed build leaves the served index untouched; disposing a build that was not published deletes it.
/// </summary>
public sealed class PlanIndexBuilder(IndexLocation location, MeCabModel? model = null)
{
    /// <summary>Takes the ingest lock and starts a new generation.</summary>
    public IndexBuild Begin() => new(location, model);

    /// <summary>Indexes rows (ids unique) in one go and publishes them: the simple path for a few documents.</summary>
    public IndexManifest Build(IReadOnlyList<PlanRow> rows, IReadOnlyList<IndexedSource> sources, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        using var build = Begin();
        var ordered = rows.OrderBy(r => r.Id).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            build.Add(ordered[i], i);
            if ((i + 1) % 500 == 0) progress?.Report(i + 1);
        }
        progress?.Report(ordered.Count);
        return build.Publish(sources);
    }
}

/// <summary>One index build in progress: rows are added (from several threads if need be), then published.</summary>
public sealed class IndexBuild : IDisposable
{
    private readonly IndexLocation _location;
    private readonly IDisposable _lock;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer;
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly ThreadLocal<RowDocument> _documents = new(() => new RowDocument());
    private long _rows;
    private bool _published;

    internal IndexBuild(IndexLocation location, MeCabModel? model)
    {
        _location = location;
        _lock = location.LockForWriting();
        Generation = location.CreateGeneration();
        _analyzer = PlanAnalyzers.Create(model);
        _directory = FSDirectory.Open(Generation);
        _writer = new IndexWriter(_directory, WriterConfig(_analyzer));
    }

    /// <summary>How a build writes: the settings of its index writer, for the builder and for benchmarks that time it.</summary>
    public static IndexWriterConfig WriterConfig(Lucene.Net.Analysis.Analyzer analyzer) => new(Analysis.JapaneseAnalyzer.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = 128,
        Similarity = PlanSimilarity.Instance,
        // Segments are never packed into compound files: a compound file is a copy of every file of a segment made
        // after it is written, which a build pays for each flushed segment and the forced merge pays again for the
        // last one (a merge policy unpacks a segment that holds much of the index). Unpacked, a build that flushed
        // one segment has nothing to merge. The published index is one segment, so its files are few either way.
        UseCompoundFile = false,
        MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
    };

    /// <summary>The directory being written.</summary>
    public string Generation { get; }

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Adds a row; <paramref name="order"/> places it in id order for export, whatever thread added it.</summary>
    /// <exception cref="RowNotIndexableException">Lucene refused the row (a term over its length limit); the build goes on.</exception>
    public void Add(PlanRow row, long order)
    {
        var doc = _documents.Value!.Fill(row, order);
        try
        {
            _writer.AddDocument(doc);
        }
        catch (ArgumentException e)
        {
            // Lucene's "immense term" (over 32,766 bytes): the document is dropped and the writer stays usable.
            throw new RowNotIndexableException(row, e);
        }
        Interlocked.Increment(ref _rows);
    }

    /// <summary>Commits, merges the segments (searches are faster on one), writes the manifest and publishes.</summary>
    public IndexManifest Publish(IReadOnlyList<IndexedSource> sources)
    {
        _writer.ForceMerge(1);
        _writer.Commit();
        _writer.Dispose();
        var manifest = new IndexManifest(IndexManifest.CurrentSchemaVersion, DateTimeOffset.UtcNow, (int)Rows, sources);
        var path = Path.Combine(Generation, IndexManifest.FileName);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var streamWriter = new StreamWriter(stream))
        {
            streamWriter.Write(PlanJson.Serialize(manifest, indented: true));
            streamWriter.Flush();
            stream.Flush(flushToDisk: true);
        }
        // A generation that cannot be read back whole (a disk that lost a write) is never published.
        using (var check = FSDirectory.Open(Generation)) GenerationCheck.Open(check, Generation, manifest).Dispose();
        var previous = _location.CurrentGeneration();
        _location.Publish(Generation);
        _published = true;
        _location.RemoveStaleGenerations(previous);
        return manifest;
    }

    public void Dispose()
    {
        try
        {
            if (!_published) _writer.Rollback(); // also disposes the writer
            else _writer.Dispose();
        }
        finally
        {
            _directory.Dispose();
            _analyzer.Dispose();
            _documents.Dispose();
            if (!_published) TryDelete(Generation);
            _lock.Dispose();
        }
    }

    private static void TryDelete(string directory)
    {
        try { System.IO.Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>
/// A row Lucene refuses to index: one of its cells is, or holds a word, longer than a term may be (32,766 bytes of
/// UTF-8), such as a department cell of 40,000 characters. The message names the row and its longest cell.
/// </summary>
public sealed class RowNotIndexableException(PlanRow row, Exception inner) : Exception(Describe(row), inner)
{
    public PlanRow Row { get; } = row;

    private static string Describe(PlanRow row)
    {
        var (column, text) = new (string Column, string Text)[]
        {
            ("部局等名", row.Department), ("担当課", string.Join(' ', row.Divisions)), ("施策（事業）名称", row.Name),
            ("取組概要", row.Summary), ("目標の達成度", row.Achievement), ("実績・成果等", row.Results),
        }.MaxBy(c => c.Text.Length);
        return $"{row.Id}: the row cannot be indexed: a cell or a word in it is longer than the index allows (32,766 bytes); its longest cell, {column}, has {text.Length:N0} characters";
    }
}
