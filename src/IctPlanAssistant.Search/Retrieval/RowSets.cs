using System.Buffers;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The bit sets of rows a retrieval works with (each group's matches, the candidates, the window…), in storage rented
/// from the shared pool while a retrieval is under way on the thread, and given back when it is done. A set is a bit a
/// row: at a million rows, 125 KB, a large-object allocation, and a question makes a dozen or more of them; large objects
/// are collected only by full collections, which then come often.
/// </summary>
/// <remarks>A retrieval runs on one thread from start to end (nothing in it awaits), so the scope is the thread's.
/// Nothing rented may outlive the scope: the sets are the retrieval's own, never part of its result, and never kept
/// (<see cref="ClauseRows"/> allocates the sets it keeps).</remarks>
internal sealed class RowSets : IDisposable
{
    [ThreadStatic]
    private static RowSets? _current;

    private readonly RowSets? _outer;
    private readonly List<long[]> _rented = [];

    private RowSets(RowSets? outer) => _outer = outer;

    /// <summary>Starts a scope on this thread: the sets made until it is disposed are rented, and given back then.</summary>
    public static RowSets Begin() => _current = new RowSets(_current);

    /// <summary>A new, empty set of <paramref name="maxDoc"/> rows: rented within a scope, allocated outside one.</summary>
    public static FixedBitSet New(int maxDoc)
    {
        if (_current is not { } scope) return new FixedBitSet(maxDoc);
        var words = ArrayPool<long>.Shared.Rent(Math.Max(1, FixedBitSet.Bits2words(maxDoc)));
        // All of it, not only the words the set uses: a rented array may be longer, and the set may read to its end.
        Array.Clear(words);
        scope._rented.Add(words);
        return new FixedBitSet(words, maxDoc);
    }

    public void Dispose()
    {
        foreach (var words in _rented) ArrayPool<long>.Shared.Return(words);
        _rented.Clear();
        if (ReferenceEquals(_current, this)) _current = _outer;
    }
}
