using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// Which of the retrieved rows an answer is about. A ranked question cites the rows that score close to the best
/// one; an aggregate cites every row it counted or summed; a filter-only list cites every row that passed.
/// </summary>
public static class RowSelection
{
    /// <summary>
    /// A ranked row is cited when it covers the question as fully as the best row (within <see cref="TieMargin"/>)
    /// and scores at least <see cref="TieScore"/> of the best score; or when it covers nearly as much (within
    /// <see cref="NearMargin"/>) and scores at least <see cref="NearScore"/> of the best.
    /// </summary>
    public const double TieMargin = 0.01, TieScore = 0.1, NearMargin = 0.05, NearScore = 0.7;

    /// <summary>A detail question is about one project: a second is quoted only when it scores nearly as well.</summary>
    public const double FactScore = 0.6;

    public const int MaxListed = 10;
    public const int MaxListedUnranked = 30;

    public static IReadOnlyList<PlanRow> Select(RetrievalResult result)
    {
        var q = result.Interpretation;
        // Nothing was asked that a row could answer (every row matches an empty question): no rows to show.
        if (result.IsEmpty || (q.Terms.Count == 0 && !q.HasFilters && q.Intent is AnswerIntent.List or AnswerIntent.Fact)) return [];
        var ranked = result.TextDecides;
        return q.Intent switch
        {
            AnswerIntent.Count or AnswerIntent.Sum => result.Aggregate.Rows,
            AnswerIntent.Largest => result.Aggregate.Largest is { } largest ? [largest] : [],
            AnswerIntent.Smallest => result.Aggregate.Smallest is { } smallest ? [smallest] : [],
            AnswerIntent.Fact when ranked => WithAskedFigure(Close(result.Rows, 2, FactScore), q),
            _ when ranked => Close(result.Rows, MaxListed),
            _ => result.Rows.Take(MaxListedUnranked).Select(r => r.Row).ToList(),
        };
    }

    /// <summary>When the question asks for a figure (何台, what share), the rows that state one, if any do.</summary>
    private static List<PlanRow> WithAskedFigure(List<PlanRow> rows, QueryInterpretation q)
    {
        if (q.AnswerUnits.Count == 0) return rows;
        var stating = rows.Where(r => FactSentences.StatesFigure(r, q)).ToList();
        return stating.Count > 0 ? stating : rows;
    }

    private static List<PlanRow> Close(IReadOnlyList<RetrievedRow> rows, int max, double minScore = 0)
    {
        var bestCoverage = rows.Max(r => r.Coverage);
        var bestScore = rows.Where(r => r.Coverage >= bestCoverage - NearMargin).Max(r => r.Score);
        return rows
            .Where(r => (r.Coverage >= bestCoverage - TieMargin && r.Score >= bestScore * TieScore) ||
                        (r.Coverage >= bestCoverage - NearMargin && r.Score >= bestScore * NearScore))
            .Where(r => r.Score >= bestScore * minScore)
            .Take(max).Select(r => r.Row).ToList();
    }
}
