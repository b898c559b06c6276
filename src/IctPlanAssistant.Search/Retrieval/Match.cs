using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>A matched row: its document, score, coverage, and the share of the question's things (its nouns) it matches.</summary>
internal readonly record struct Match(int Doc, float Score, float Coverage, float Content = 1f);

/// <summary>The orders results are listed in, over the snapshot's doc values.</summary>
internal static class MatchOrder
{
    public static IComparer<Match> For(RowSort sort, bool ranked, RowValueTable values) => sort switch
    {
        RowSort.BudgetDescending => Comparer<Match>.Create((a, b) =>
            Then(values.Budget[b.Doc].CompareTo(values.Budget[a.Doc]), a, b, values)),
        RowSort.BudgetAscending => Comparer<Match>.Create((a, b) =>
        {
            var (x, y) = (values.Budget[a.Doc], values.Budget[b.Doc]);
            var withBudgetFirst = (x == RowDocument.NoBudget).CompareTo(y == RowDocument.NoBudget);
            return withBudgetFirst != 0 ? withBudgetFirst : Then(x.CompareTo(y), a, b, values);
        }),
        RowSort.Relevance when ranked => Comparer<Match>.Create((a, b) => Then(b.Score.CompareTo(a.Score), a, b, values)),
        _ => ById(values),
    };

    public static IComparer<Match> ById(RowValueTable values) =>
        Comparer<Match>.Create((a, b) => values.Order[a.Doc].CompareTo(values.Order[b.Doc]));

    /// <summary>The first <paramref name="k"/> matches in the given order, without sorting them all.</summary>
    public static List<Match> Top(IReadOnlyList<Match> matches, IComparer<Match> order, int k)
    {
        if (k <= 0 || matches.Count == 0) return [];
        // A heap of the k best so far, the worst of them on top.
        var heap = new PriorityQueue<Match, Match>(k + 1, Comparer<Match>.Create((a, b) => order.Compare(b, a)));
        foreach (var match in matches)
        {
            if (heap.Count < k) heap.Enqueue(match, match);
            else if (order.Compare(match, heap.Peek()) < 0) heap.DequeueEnqueue(match, match);
        }
        var top = new List<Match>(heap.Count);
        while (heap.Count > 0) top.Add(heap.Dequeue());
        top.Reverse();
        return top;
    }

    private static int Then(int primary, Match a, Match b, RowValueTable values) =>
        primary != 0 ? primary : values.Order[a.Doc].CompareTo(values.Order[b.Doc]);
}
