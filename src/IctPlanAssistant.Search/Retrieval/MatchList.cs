using System.Buffers;
using System.Collections;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A turn's matched rows, in storage rented from the shared pool and given back when the retrieval is done: a broad
/// question's matches (most of 100k rows, 16 bytes each) would otherwise be a new large-object array per question, and
/// those bring full garbage collections, several milliseconds each at 100k rows.
/// </summary>
internal sealed class MatchList(int capacity) : IReadOnlyList<Match>, IDisposable
{
    private Match[] _items = capacity > 0 ? ArrayPool<Match>.Shared.Rent(capacity) : [];

    public int Count { get; private set; }

    public Match this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(Match match)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<Match>.Shared.Rent(Math.Max(16, _items.Length * 2));
            _items.AsSpan(0, Count).CopyTo(larger);
            Return();
            _items = larger;
        }
        _items[Count++] = match;
    }

    /// <summary>
    /// Room for <paramref name="count"/> more matches after these, to be written in place and then counted with
    /// <see cref="Added"/>: a broad question's million matches added one by one cost a check and two field stores each.
    /// </summary>
    public Span<Match> Room(int count)
    {
        if (_items.Length - Count < count)
        {
            var larger = ArrayPool<Match>.Shared.Rent(Count + count);
            _items.AsSpan(0, Count).CopyTo(larger);
            Return();
            _items = larger;
        }
        return _items.AsSpan(Count, count);
    }

    /// <summary>Counts the first <paramref name="count"/> matches written in the <see cref="Room"/> given.</summary>
    public void Added(int count)
    {
        if (count < 0 || Count + count > _items.Length) throw new ArgumentOutOfRangeException(nameof(count));
        Count += count;
    }

    /// <summary>The matches as a span (valid until the list changes or is disposed).</summary>
    public ReadOnlySpan<Match> AsSpan() => new(_items, 0, Count);

    /// <summary>The matches, for a loop that allocates no enumerator.</summary>
    public ReadOnlySpan<Match>.Enumerator GetEnumerator() => new ReadOnlySpan<Match>(_items, 0, Count).GetEnumerator();

    IEnumerator<Match> IEnumerable<Match>.GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Match>)this).GetEnumerator();

    /// <summary>Gives the storage back; the list is empty afterwards.</summary>
    public void Dispose()
    {
        Return();
        _items = [];
        Count = 0;
    }

    private void Return()
    {
        if (_items.Length > 0) ArrayPool<Match>.Shared.Return(_items);
    }
}
