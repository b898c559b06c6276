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

    /// <summary>Where a row comes in this order: the smaller key first.</summary>
    public SortKey KeyOf(Match match)
    {
        var primary = _sort switch
        {
            // ~x reverses the order of every long without overflowing.
            RowSort.BudgetDescending => ~_values.Budget[match.Doc],
            // Rows with a budget first; a row without one has none to compare.
            RowSort.BudgetAscending => _values.Budget[match.Doc] is var budget && budget == RowDocument.NoBudget ? long.MaxValue : budget,
            RowSort.Relevance when _ranked => -(long)SortableBits(match.Score),
            _ => 0,
        };
        return new SortKey(primary, _values.Order[match.Doc]);
    }

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
        passed = 0;
        if (matches.Length == 0) return [];
        if (k <= 0)
        {
            foreach (var match in matches)
            {
                if (where is null || where(match)) passed++;
            }
            return [];
        }
        // A heap of the k best so far, the worst of them on top.
        var heap = new PriorityQueue<Match, SortKey>(k + 1, SortKey.WorstFirst);
        foreach (var match in matches)
        {
            if (where is not null && !where(match)) continue;
            passed++;
            var key = KeyOf(match);
            if (heap.Count < k) heap.Enqueue(match, key);
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) < 0) heap.DequeueEnqueue(match, key);
        }
        var top = new List<Match>(heap.Count);
        while (heap.Count > 0) top.Add(heap.Dequeue());
        top.Reverse();
        return top;
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

/// <summary>A row's place in an order: its key, then its place in the plan.</summary>
internal readonly record struct SortKey(long Primary, long Order) : IComparable<SortKey>
{
    public static IComparer<SortKey> WorstFirst { get; } = Comparer<SortKey>.Create((a, b) => b.CompareTo(a));

    public int CompareTo(SortKey other) => Primary != other.Primary ? Primary.CompareTo(other.Primary) : Order.CompareTo(other.Order);
}
