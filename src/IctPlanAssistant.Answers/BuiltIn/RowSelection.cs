using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// Which of the retrieved rows an answer is about. A ranked question cites the rows that score close to the best
/// one; an aggregate cites every row it counted or summed; a filter-only list cites every row that passed.
/// </summary>
public static class RowSelection
{
    /// <summary>A ranked row is cited when it covers the question as fully as the best row does, within this margin…</summary>
    public const double CoverageMargin = 0.05;

    /// <summary>…and scores at least this share of the best score.</summary>
    public const double RelativeScore = 0.2;

    public const int MaxListed = 10;
    public const int MaxListedUnranked = 30;

    public static IReadOnlyList<PlanRow> Select(RetrievalResult result)
    {
        if (result.IsEmpty) return [];
        var q = result.Interpretation;
        var ranked = q.Terms.Count > 0;
        return q.Intent switch
        {
            AnswerIntent.Count or AnswerIntent.Sum => result.Aggregate.Rows,
            AnswerIntent.Largest => result.Aggregate.Largest is { } largest ? [largest] : [],
            AnswerIntent.Smallest => result.Aggregate.Smallest is { } smallest ? [smallest] : [],
            AnswerIntent.Fact when ranked => Close(result.Rows, 0.85, 2),
            _ when ranked => Close(result.Rows, RelativeScore, MaxListed),
            _ => result.Rows.Take(MaxListedUnranked).Select(r => r.Row).ToList(),
        };
    }

    private static List<PlanRow> Close(IReadOnlyList<RetrievedRow> rows, double share, int max)
    {
        var bestCoverage = rows.Max(r => r.Coverage);
        var best = rows.Where(r => r.Coverage >= bestCoverage - CoverageMargin).ToList();
        var bestScore = best.Max(r => r.Score);
        return best.Where(r => r.Score >= bestScore * share).Take(max).Select(r => r.Row).ToList();
    }
}
