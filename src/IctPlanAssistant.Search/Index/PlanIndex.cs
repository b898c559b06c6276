using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// The served index: the generation that <c>current</c> names, opened once and shared. When an ingest publishes a
/// new generation, the next <see cref="Acquire"/> opens it; searches under way finish on the snapshot they hold,
/// whose reader is closed when the last of them releases it.
/// </summary>
public sealed class PlanIndex : IDisposable
{
    private readonly IndexLocation _location;
    private readonly TimeSpan _checkInterval;
    private readonly System.Threading.Lock _gate = new();
    private IndexSnapshot _current;
    private long _nextCheck;
    private bool _disposed;

    private PlanIndex(IndexLocation location, IndexSnapshot current, TimeSpan checkInterval)
    {
        _location = location;
        _current = current;
        _checkInterval = checkInterval;
        _nextCheck = Environment.TickCount64 + (long)checkInterval.TotalMilliseconds;
    }

    /// <summary>Opens the served index under <paramref name="root"/>.</summary>
    /// <param name="checkInterval">How often to look for a newly published generation (default: every second).</param>
    /// <exception cref="IndexMissingException">Nothing has been ingested there yet.</exception>
    public static PlanIndex Open(string root, TimeSpan? checkInterval = null)
    {
        var location = new IndexLocation(root);
        var generation = location.CurrentGeneration() ?? throw new IndexMissingException(location.Root);
        return new PlanIndex(location, IndexSnapshot.Open(location, generation), checkInterval ?? TimeSpan.FromSeconds(1));
    }

    public string Root => _location.Root;

    /// <summary>The generation <see cref="Acquire"/> would return now: what a result computed from the index is keyed by.</summary>
    public string Generation
    {
        get
        {
            if (Environment.TickCount64 >= Interlocked.Read(ref _nextCheck)) Refresh();
            return Volatile.Read(ref _current).Generation;
        }
    }

    /// <summary>The current snapshot, with a reference the caller must dispose.</summary>
    public IndexSnapshot Acquire()
    {
        if (Environment.TickCount64 >= Interlocked.Read(ref _nextCheck)) Refresh();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _current.Reader.IncRef();
            return _current;
        }
    }

    /// <summary>Switches to the published generation if it changed.</summary>
    public bool Refresh()
    {
        Interlocked.Exchange(ref _nextCheck, Environment.TickCount64 + (long)_checkInterval.TotalMilliseconds);
        var generation = _location.CurrentGeneration();
        if (generation is null || generation == _current.Generation) return false;
        IndexSnapshot next;
        try
        {
            next = IndexSnapshot.Open(_location, generation);
        }
        catch (IOException)
        {
            return false; // removed or not readable yet: keep serving what we have
        }
        IndexSnapshot old;
        lock (_gate)
        {
            if (_disposed || generation == _current.Generation)
            {
                next.Reader.DecRef();
                return false;
            }
            old = _current;
            _current = next;
        }
        old.Reader.DecRef();
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _current.Reader.DecRef();
    }
}

/// <summary>One opened generation. Dispose releases the reference taken by <see cref="PlanIndex.Acquire"/>.</summary>
public sealed class IndexSnapshot : IDisposable
{
    /// <summary>Up to this many rows, every row read is kept (a row is read again and again: citing, listing, summing).</summary>
    public const int RowCacheLimit = 200_000;

    private readonly PlanRow?[]? _rows;
    private RowValueTable? _values;

    private IndexSnapshot(string generation, DirectoryReader reader, IndexManifest? manifest)
    {
        Generation = generation;
        Reader = reader;
        Searcher = new IndexSearcher(reader) { Similarity = PlanSimilarity.Instance };
        Manifest = manifest;
        _rows = reader.MaxDoc <= RowCacheLimit ? new PlanRow?[reader.MaxDoc] : null;
    }

    /// <summary>The row of a document, read from its stored JSON once per snapshot (larger indexes read it each time).</summary>
    public PlanRow Row(int doc)
    {
        if (_rows is null) return RowDocument.Read(Searcher.Doc(doc));
        return Volatile.Read(ref _rows[doc]) ?? (_rows[doc] = RowDocument.Read(Searcher.Doc(doc)));
    }

    /// <summary>The doc values of every row, read on first use (an index only searched for ids never needs them).</summary>
    public RowValueTable Values => LazyInitializer.EnsureInitialized(ref _values, () => RowValueTable.Read(Reader));

    public string Generation { get; }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public IndexManifest? Manifest { get; }

    internal static IndexSnapshot Open(IndexLocation location, string generation)
    {
        var manifest = location.ReadManifest(generation);
        if (manifest is { IsCurrentSchema: false })
            throw new IndexMissingException(location.Root, $"the index at {location.Root} was built by another version (schema {manifest.SchemaVersion}); run `ictplan ingest` again");
        // The directory object holds no files of its own: the reader's last DecRef closes every file it opened.
        var directory = FSDirectory.Open(generation);
        return new IndexSnapshot(generation, DirectoryReader.Open(directory), manifest);
    }

    public void Dispose() => Reader.DecRef();
}

/// <summary>There is no usable index where one was expected.</summary>
public sealed class IndexMissingException(string root, string? message = null)
    : IOException(message ?? $"No index at {root}: build one with `ictplan ingest` (or run ./run.sh, which does it).")
{
    public string Root { get; } = root;
}
