using System.Runtime.CompilerServices;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>A matched row: its document, score, coverage, and the share of the question's things (its nouns) it matches.</summary>
internal readonly record struct Match(int Doc, float Score, float Coverage, float Content = 1f);

/// <summary>
/// The orders results are listed in, over the snapshot's doc values: each row's key, then its place in the plan (id
/// order). A key is read once per row and compared as two integers, where a comparer of comparers would make several
/// delegate calls per row (at 100k rows, a large share of a broad question's time).
/// </summary>
internal readonly struct MatchOrder
{
    private readonly RowSort _sort;
    private readonly bool _ranked;
    private readonly RowValueTable _values;

    private MatchOrder(RowSort sort, bool ranked, RowValueTable values) => (_sort, _ranked, _values) = (sort, ranked, values);

    public static MatchOrder For(RowSort sort, bool ranked, RowValueTable values) => new(sort, ranked, values);

    public static MatchOrder ById(RowValueTable values) => new(RowSort.Id, false, values);

    /// <summary>Where a row comes in this order, first part (the smaller first); rows of equal primary keys come in plan
    /// order (<see cref="PlaceOf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long PrimaryOf(in Match match) => _sort switch
    {
        // ~x reverses the order of every long without overflowing.
        RowSort.BudgetDescending => ~_values.Budget[match.Doc],
        // Rows with a budget first; a row without one has none to compare.
        RowSort.BudgetAscending => _values.Budget[match.Doc] is var budget && budget == RowDocument.NoBudget ? long.MaxValue : budget,
        RowSort.AchievementRateDescending => ~_values.AchievementRate[match.Doc],
        RowSort.AchievementRateAscending => _values.AchievementRate[match.Doc] is var rate && rate == RowDocument.NoRate ? long.MaxValue : rate,
        RowSort.Relevance when _ranked => -(long)SortableBits(match.Score),
        _ => 0,
    };

    public long PlaceOf(int doc) => _values.Order[doc];

    /// <summary>The first <paramref name="k"/> matches in this order, without sorting them all.</summary>
    public List<Match> Top(IReadOnlyList<Match> matches, int k) => Top(matches, k, where: null);

    /// <summary>The first <paramref name="k"/> of the matches that pass <paramref name="where"/> (all, when null), in this
    /// order: a broad question's matches need not be copied to be chosen from.</summary>
    public List<Match> Top(IReadOnlyList<Match> matches, int k, Predicate<Match>? where) => Top(matches, k, where, out _);

    /// <summary>The same, and how many of the matches pass <paramref name="where"/> (all of them, when null).</summary>
    public List<Match> Top(IReadOnlyList<Match> matches, int k, Predicate<Match>? where, out int passed) => matches switch
    {
        // A span's loop, not an enumerator's interface calls per row (a broad question's matches are most of the index).
        MatchList list => Top(list.AsSpan(), k, where, out passed),
        List<Match> list => Top(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list), k, where, out passed),
        _ => Top(matches.ToArray(), k, where, out passed),
    };

    private List<Match> Top(ReadOnlySpan<Match> matches, int k, Predicate<Match>? where, out int passed)
    {
        var top = new TopMatches(this, k, matches.Length);
        if (where is null) top.OfferAll(matches);
        else
        {
            foreach (var match in matches)
            {
                if (where(match)) top.Offer(match);
            }
        }
        passed = top.Offered;
        return top.ToList();
    }

    /// <summary>A float's bits as an integer that sorts as the float does (0 and -0 alike; NaN first, as float.CompareTo has it).</summary>
    private static int SortableBits(float value)
    {
        if (float.IsNaN(value)) return int.MinValue;
        if (value == 0) return 0;
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits >= 0 ? bits : -(bits & int.MaxValue);
    }
}

/// <summary>
/// The first k of the matches offered, in an order (a heap of the k best so far, the worst of them on top), and how many
/// were offered.
/// </summary>
internal sealed class TopMatches
{
    private readonly MatchOrder _order;
    private readonly int _k;
    // Made at the first match kept: a question with no matches (or none that pass) allocates none.
    private PriorityQueue<Match, SortKey>? _heap;

    private readonly int _capacity;

    /// <param name="most">How many matches may be offered at most, when known: the heap is made no larger (an index of a
    /// hundred rows needs no heap of 200 for the aggregate's rows).</param>
    public TopMatches(MatchOrder order, int k, int most = int.MaxValue) => (_order, _k, _capacity) = (order, k, Math.Min(k, most) + 1);

    public int Offered { get; private set; }

    /// <summary>The worst of the k kept, once there are k: a match that does not come before it is refused at once.</summary>
    private SortKey _worst;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(in Match match)
    {
        Offered++;
        if (_k <= 0) return;
        // Most of a broad question's matches come after the worst kept by their primary key alone (no score, the same
        // place…): the row's place in the plan is read only on a tie.
        var primary = _order.PrimaryOf(match);
        if (_heap is not null && _heap.Count == _k && (primary > _worst.Primary || (primary == _worst.Primary && _order.PlaceOf(match.Doc) >= _worst.Order))) return;
        Keep(match, new SortKey(primary, _order.PlaceOf(match.Doc)));
    }

    /// <summary>
    /// Offers every match in turn, as <see cref="Offer"/> would one by one, with the count, the order and the worst kept
    /// in locals while the loop runs: an aggregate offers a broad question's matches (most of a million rows), nearly
    /// all refused at the first comparison, where a field written per row cost more than the comparison.
    /// </summary>
    public void OfferAll(ReadOnlySpan<Match> matches)
    {
        Offered += matches.Length;
        if (_k <= 0) return;
        var order = _order;
        var full = _heap is not null && _heap.Count == _k;
        var worst = _worst;
        foreach (ref readonly var match in matches)
        {
            var primary = order.PrimaryOf(match);
            if (full && (primary > worst.Primary || (primary == worst.Primary && order.PlaceOf(match.Doc) >= worst.Order))) continue;
            Keep(match, new SortKey(primary, order.PlaceOf(match.Doc)));
            full = _heap!.Count == _k;
            worst = _worst;
        }
    }

    private void Keep(in Match match, SortKey key)
    {
        _heap ??= new PriorityQueue<Match, SortKey>(_capacity, SortKey.WorstFirst);
        if (_heap.Count < _k) _heap.Enqueue(match, key);
        else _heap.DequeueEnqueue(match, key);
        if (_heap.Count == _k) _heap.TryPeek(out _, out _worst);
    }

    /// <summary>The first matches, in order (the heap is emptied).</summary>
    public List<Match> ToList()
    {
        if (_heap is null) return [];
        var top = new List<Match>(_heap.Count);
        while (_heap.Count > 0) top.Add(_heap.Dequeue());
        top.Reverse();
        return top;
    }
}

/// <summary>A row's place in an order: its key, then its place in the plan.</summary>
internal readonly record struct SortKey(long Primary, long Order) : IComparable<SortKey>
{
    public static IComparer<SortKey> WorstFirst { get; } = Comparer<SortKey>.Create((a, b) => b.CompareTo(a));

    public int CompareTo(SortKey other) => Primary != other.Primary ? Primary.CompareTo(other.Primary) : Order.CompareTo(other.Order);
}
