using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// The served index: the generation that <c>current</c> names, opened once and shared. When an ingest publishes a
/// new generation, the next <see cref="Acquire"/> opens it; searches under way finish on the snapshot they hold,
/// whose reader is closed when the last of them releases it. A generation is checked before it is served
/// (<see cref="GenerationCheck"/>): a damaged one is not swapped in, the last good one goes on serving, and
/// <see cref="Damage"/> says what is wrong until a good generation is published.
/// </summary>
public sealed class PlanIndex : IDisposable
{
    private readonly IndexLocation _location;
    private readonly TimeSpan _checkInterval;
    private readonly System.Threading.Lock _gate = new();
    private IndexSnapshot _current;
    private long _nextCheck;
    private int _refreshing;
    private bool _disposed;
    private IndexDamage? _damage;

    private PlanIndex(IndexLocation location, IndexSnapshot current, TimeSpan checkInterval, IndexDamage? damage = null)
    {
        _location = location;
        _current = current;
        _checkInterval = checkInterval;
        _damage = damage;
        _nextCheck = Environment.TickCount64 + (long)checkInterval.TotalMilliseconds;
    }

    /// <summary>
    /// Opens the served index under <paramref name="root"/>. When the published generation is damaged, the newest
    /// earlier generation that is whole is served instead, with <see cref="Damage"/> set.
    /// </summary>
    /// <param name="checkInterval">How often to look for a newly published generation (default: every second).</param>
    /// <exception cref="IndexMissingException">Nothing has been ingested there yet, or nothing usable is left.</exception>
    public static PlanIndex Open(string root, TimeSpan? checkInterval = null)
    {
        var location = new IndexLocation(root);
        var interval = checkInterval ?? TimeSpan.FromSeconds(1);
        var generation = location.CurrentGeneration() ?? throw new IndexMissingException(location.Root);
        try
        {
            return new PlanIndex(location, IndexSnapshot.Open(location, generation), interval);
        }
        catch (IndexDamagedException damaged)
        {
            foreach (var earlier in location.Generations().Where(g => g != generation).OrderDescending(StringComparer.Ordinal))
            {
                try
                {
                    return new PlanIndex(location, IndexSnapshot.Open(location, earlier), interval, IndexDamage.Of(damaged));
                }
                catch (IndexMissingException)
                {
                    // Damaged too, or of another schema: try the one before.
                }
            }
            throw new IndexDamagedException(damaged.Generation, $"{damaged.Reason}; no earlier generation is usable either. Run `ictplan ingest` again");
        }
    }

    public string Root => _location.Root;

    /// <summary>What is wrong with the published generation, while an earlier one is served in its place; null when all is well.</summary>
    public IndexDamage? Damage => Volatile.Read(ref _damage);

    /// <summary>The generation <see cref="Acquire"/> would return now: what a result computed from the index is keyed by.</summary>
    public string Generation
    {
        get
        {
            if (Environment.TickCount64 >= Interlocked.Read(ref _nextCheck)) RefreshOnce();
            return Volatile.Read(ref _current).Generation;
        }
    }

    /// <summary>The current snapshot, with a reference the caller must dispose.</summary>
    public IndexSnapshot Acquire()
    {
        if (Environment.TickCount64 >= Interlocked.Read(ref _nextCheck)) RefreshOnce();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _current.Reader.IncRef();
            return _current;
        }
    }

    /// <summary>
    /// Switches to the published generation if it changed and is whole. A damaged generation is checked once: it
    /// is not opened again until another is published.
    /// </summary>
    public bool Refresh()
    {
        Interlocked.Exchange(ref _nextCheck, Environment.TickCount64 + (long)_checkInterval.TotalMilliseconds);
        var generation = _location.CurrentGeneration();
        if (generation is null || generation == Volatile.Read(ref _current).Generation || generation == Volatile.Read(ref _damage)?.Generation) return false;
        IndexSnapshot next;
        try
        {
            next = IndexSnapshot.Open(_location, generation);
        }
        catch (IndexDamagedException e)
        {
            Volatile.Write(ref _damage, IndexDamage.Of(e));
            return false;
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
            _damage = null;
        }
        old.Reader.DecRef();
        return true;
    }

    /// <summary>One request checks for a new generation (checking one reads every byte); the others go on with the current one.</summary>
    private void RefreshOnce()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0) return;
        try
        {
            Refresh();
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
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

/// <summary>A published generation found damaged: which, why, and since when (for /healthz).</summary>
public sealed record IndexDamage(string Generation, string Reason, DateTimeOffset DetectedUtc)
{
    public static IndexDamage Of(IndexDamagedException e) => new(e.Generation, e.Reason, DateTimeOffset.UtcNow);
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
        // Searched through segments that remember their term lookups: questions share most of their words.
        Searcher = new IndexSearcher(TermLookupCachingReader.Over(reader)) { Similarity = PlanSimilarity.Instance };
        Manifest = manifest;
        _rows = reader.MaxDoc <= RowCacheLimit ? new PlanRow?[reader.MaxDoc] : null;
    }

    /// <summary>The row of a document, read from its stored JSON once per snapshot (larger indexes read it each time).</summary>
    public PlanRow Row(int doc)
    {
        if (_rows is null) return RowDocument.Read(Searcher.Doc(doc));
        return Volatile.Read(ref _rows[doc]) ?? (_rows[doc] = RowDocument.Read(Searcher.Doc(doc)));
    }

    /// <summary>The id of a document's row: its stored id alone, where a row is not kept (the row's JSON is most of the
    /// stored bytes, and a broad question names a few hundred rows by id only).</summary>
    public global::IctPlanAssistant.RowId RowId(int doc)
    {
        if (_rows is not null) return Row(doc).Id;
        return global::IctPlanAssistant.RowId.Parse(Searcher.Doc(doc, IdField).Get(PlanFields.Id));
    }

    private static readonly ISet<string> IdField = new HashSet<string> { PlanFields.Id };

    /// <summary>The doc values of every row, read on first use (an index only searched for ids never needs them).</summary>
    public RowValueTable Values => LazyInitializer.EnsureInitialized(ref _values, () => RowValueTable.Read(Reader));

    public string Generation { get; }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    public IndexManifest? Manifest { get; }

    /// <exception cref="IndexDamagedException">The generation's manifest or files are damaged.</exception>
    internal static IndexSnapshot Open(IndexLocation location, string generation)
    {
        var manifest = location.ReadManifest(generation);
        if (manifest is { IsCurrentSchema: false })
            throw new IndexMissingException(location.Root, $"the index at {location.Root} was built by another version (schema {manifest.SchemaVersion}); run `ictplan ingest` again");
        // The directory object holds no files of its own: the reader's last DecRef closes every file it opened.
        // Not FSDirectory.Open's MMapDirectory, whose inputs lock on every clone (see MappedReadDirectory).
        var directory = new MappedReadDirectory(generation);
        var reader = GenerationCheck.Open(directory, generation, manifest);
        return new IndexSnapshot(generation, reader, manifest);
    }

    public void Dispose() => Reader.DecRef();
}

/// <summary>There is no usable index where one was expected.</summary>
public class IndexMissingException(string root, string? message = null, Exception? inner = null)
    : IOException(message ?? $"No index at {root}: build one with `ictplan ingest` (or run ./run.sh, which does it).", inner)
{
    public string Root { get; } = root;
}

/// <summary>A generation whose manifest or Lucene files are damaged (a checksum does not match, a row cannot be read).</summary>
public sealed class IndexDamagedException(string generation, string reason, Exception? inner = null)
    : IndexMissingException(Path.GetDirectoryName(generation) ?? generation, $"The index generation {generation} is damaged: {reason}", inner)
{
    public string Generation { get; } = generation;

    public string Reason { get; } = reason;
}
