using System.Runtime.CompilerServices;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The k largest of values offered one at a time, kept in a min-heap of k: the smallest kept is the k-th largest so
/// far. The gate needs only the level its best k rows reach, out of a broad question's candidates (most of a million
/// rows): offered a row at a time, nearly every value is refused by one comparison with the heap's top, where copying
/// them all to an array to select from (quickselect) wrote and swapped every one of them (4–8 MB a selection at a
/// million rows).
/// </summary>
/// <remarks>Values offered in ascending order are the costly case (each enters the heap, log k steps); a gate's levels
/// follow no order of the rows.</remarks>
internal sealed class LargestValues<T> where T : struct, IComparable<T>
{
    private readonly T[] _heap;
    private int _count;

    public LargestValues(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _heap = new T[k];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(T value)
    {
        if (_count == _heap.Length && value.CompareTo(_heap[0]) <= 0) return;
        Keep(value);
    }

    /// <summary>The k-th largest value offered (equal values each count); at least k must have been offered.</summary>
    public T Kth => _count == _heap.Length ? _heap[0] : throw new InvalidOperationException($"fewer than {_heap.Length} values were offered");

    /// <summary>How many values offered are larger than <paramref name="value"/>, for a value no larger than <see cref="Kth"/>
    /// (every value larger than the k-th largest is one of the k kept).</summary>
    public int CountAbove(T value)
    {
        var above = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_heap[i].CompareTo(value) > 0) above++;
        }
        return above;
    }

    private void Keep(T value)
    {
        if (_count < _heap.Length)
        {
            // Sift up: the smallest stays on top.
            var i = _count++;
            while (i > 0 && value.CompareTo(_heap[(i - 1) / 2]) < 0)
            {
                _heap[i] = _heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            _heap[i] = value;
            return;
        }
        // Replace the top (the smallest kept) and sift it down.
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _heap[child + 1].CompareTo(_heap[child]) < 0) child++;
            if (value.CompareTo(_heap[child]) <= 0) break;
            _heap[at] = _heap[child];
            at = child;
        }
        _heap[at] = value;
    }
}
