using IctPlanAssistant.Achievement;
using IctPlanAssistant.Text;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// The rows an answer is about (every one of them: what a follow-up works on and what the page can open), and the
/// first of them, which it lists and cites; the others it counts ("ほか3件").
/// </summary>
public sealed record AnswerRows(IReadOnlyList<PlanRow> Listed, IReadOnlyList<RowId> About, int Count)
{
    public static AnswerRows None { get; } = new([], [], 0);

    /// <summary>How many rows the answer is about beyond those it lists.</summary>
    public int More => Count - Listed.Count;

    public static AnswerRows Of(IReadOnlyList<PlanRow> rows, int listed, int? count = null) =>
        new(rows.Take(listed).ToList(), rows.Select(r => r.Id).ToList(), Math.Max(count ?? rows.Count, rows.Count));
}

/// <summary>
/// Which rows an answer is about. A question of words is about every row that matches its things (its nouns) as fully
/// as the best row does, however much more one row's name says them; an aggregate is about every row it counted or
/// summed; a question of filters alone, about every row that passed; a detail, about the best row (and a second only
/// when it matches as well and scores nearly as high), unless it is asked of each row (それぞれの予算は？): then as a list.
/// </summary>
public static class RowSelection
{
    /// <summary>A detail question is about one project: a second is quoted only when it covers as much and scores this share of the best.</summary>
    public const double FactScore = 0.6, FactMargin = 0.05;

    /// <summary>Rows a ranked answer lists (the rest are counted); rows a list of filters or an aggregate lists.</summary>
    public const int MaxListed = 10, MaxListedUnranked = 30;

    public static AnswerRows Select(RetrievalResult result)
    {
        var q = result.Interpretation;
        // Nothing was asked that a row could answer (every row matches an empty question): no rows to show, unless every
        // project is what was asked for (事業を全部教えて).
        if (result.IsEmpty || (q.Terms.Count == 0 && !q.HasFilters && !q.AsksForEverything && q.Intent is AnswerIntent.List or AnswerIntent.Fact)) return AnswerRows.None;
        var ranked = result.TextDecides;
        return q.Intent switch
        {
            AnswerIntent.Count or AnswerIntent.Sum => AnswerRows.Of(result.Aggregate.Rows, MaxListedUnranked, result.Aggregate.Count),
            AnswerIntent.Largest or AnswerIntent.Smallest when q.RankCount > 1 || q.RankPlace > 1 || q.Order.IsByAchievement() => Ranking(result, q.RankPlace - 1, q.RankCount),
            AnswerIntent.MostProjects => OfBusiestDepartments(result),
            AnswerIntent.MostProjectsByDivision => OfBusiestDivisions(result),
            AnswerIntent.Largest => result.Aggregate.Largest is { } largest ? AnswerRows.Of([largest], 1) : AnswerRows.None,
            AnswerIntent.Smallest => result.Aggregate.Smallest is { } smallest ? AnswerRows.Of([smallest], 1) : AnswerRows.None,
            AnswerIntent.Fact when ranked && !q.AsksOfEach => AnswerRows.Of(Closest(WithAskedFigure(result.Rows, q), q), 2),
            _ when ranked => Ranked(result),
            _ => AnswerRows.Of(result.Aggregate.Rows, MaxListedUnranked, result.Aggregate.Count),
        };
    }

    /// <summary>The rows of the department (or the departments tied) with the most rows the question matches.</summary>
    private static AnswerRows OfBusiestDepartments(RetrievalResult result)
    {
        var busiest = BusiestDepartments(result);
        var rows = result.Aggregate.Rows.Where(r => busiest.Any(d => d.Value == r.Department)).ToList();
        return rows.Count == 0 ? AnswerRows.None : AnswerRows.Of(rows, MaxListedUnranked, busiest.Sum(d => d.Count));
    }

    /// <summary>The rows that name the division (or the divisions tied) with the most rows the question matches.</summary>
    private static AnswerRows OfBusiestDivisions(RetrievalResult result)
    {
        var busiest = BusiestDivisions(result);
        var rows = result.Aggregate.Rows.Where(r => r.Divisions.Any(d => busiest.Any(b => b.Value == d))).ToList();
        return rows.Count == 0 ? AnswerRows.None : AnswerRows.Of(rows, MaxListedUnranked, rows.Count);
    }

    /// <summary>The departments with the most rows of the result (several when tied).</summary>
    public static IReadOnlyList<FacetCount> BusiestDepartments(RetrievalResult result) => Facets.Most(result.Facets.Departments);

    /// <summary>The divisions named by the most rows of the result (several when tied).</summary>
    public static IReadOnlyList<FacetCount> BusiestDivisions(RetrievalResult result) => Facets.Most(result.Facets.Divisions);

    /// <summary>
    /// The rows of the order the question asks for (上位3件; 2番目に大きい: after the first), those with a value to order by:
    /// a budget figure, or for the share of their targets reached (達成率が一番低い), a target stated with a result.
    /// </summary>
    private static AnswerRows Ranking(RetrievalResult result, int skip, int count)
    {
        var byAchievement = result.Interpretation.Order.IsByAchievement();
        var rows = result.Rows.Select(r => r.Row)
            .Where(r => byAchievement ? AchievementClassifier.Rate(r.Achievement) is not null : r.BudgetThousandYen is not null)
            .Skip(skip).Take(count).ToList();
        return rows.Count == 0 ? AnswerRows.None : AnswerRows.Of(rows, rows.Count);
    }

    /// <summary>
    /// The rows a question of words is about, in rank order. Where rows match every thing it names, all of them, however
    /// much more one row's name says them (the first listed, the others counted). Where none does, the rows split what
    /// it asks between them, and the ranking decides: the first row, and those nearly as well covered and scoring nearly
    /// as high.
    /// </summary>
    private static AnswerRows Ranked(RetrievalResult result)
    {
        var rows = result.Rows;
        if (result.FullMatchCount > 0)
        {
            var listed = rows.Where(r => r.ContentCoverage >= 1 - RowLevels.Tie).Select(r => r.Row).Take(MaxListed).ToList();
            var about = listed.Select(r => r.Id).Concat(result.FullMatches).Distinct().ToList();
            return new AnswerRows(listed, about, Math.Max(result.FullMatchCount, about.Count));
        }
        return AnswerRows.Of(NearTheFirst(rows, NearMargin, NearScore).ToList(), MaxListed);
    }

    /// <summary>Where no row matches every thing a question names, a row is among the best when it is this nearly as well covered and scores this share of the best.</summary>
    public const double NearMargin = 0.05, NearScore = 0.6;

    /// <summary>
    /// The best row, and the second when it covers as much and scores nearly as high; the best alone when the question
    /// names it in full (緊急時連絡網管理 budget?): a project named is the one asked about.
    /// </summary>
    private static List<PlanRow> Closest(IReadOnlyList<RetrievedRow> rows, QueryInterpretation q) =>
        rows.Count > 0 && NamesInFull(q.Question, rows[0].Row) ? [rows[0].Row] : NearTheFirst(rows, FactMargin, FactScore).Take(2).ToList();

    /// <summary>Whether the question holds the row's name as the plan prints it (width and case aside).</summary>
    private static bool NamesInFull(string question, PlanRow row) =>
        row.Name.Length >= MinNameLength && question.ToNfkc().Contains(row.Name.ToNfkc(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A name shorter than this (図書館) may be a word of the question, not the project's name.</summary>
    private const int MinNameLength = 6;

    /// <summary>The first row in rank (score times coverage squared), and those nearly as well covered and scoring nearly as high.</summary>
    private static IEnumerable<PlanRow> NearTheFirst(IReadOnlyList<RetrievedRow> rows, double margin, double score) =>
        rows.Where(r => r.Coverage >= rows[0].Coverage - margin && r.Score >= rows[0].Score * score).Select(r => r.Row);

    /// <summary>
    /// When the question asks for a figure (何台, what share), the rows covering it as well as the first that state one,
    /// if any do: ライブカメラは何台増えた？ is answered by the row that says 8台, not by a row named after a camera.
    /// </summary>
    private static IReadOnlyList<RetrievedRow> WithAskedFigure(IReadOnlyList<RetrievedRow> rows, QueryInterpretation q)
    {
        if (q.AnswerUnits.Count == 0 || rows.Count == 0) return rows;
        // A figure against the target (how many came compared with the goal) is one the achievement states with its target.
        Func<PlanRow, bool> states = q.AskedColumn == PlanColumn.Achievement
            ? r => AchievementClassifier.Rate(r.Achievement) is not null
            : r => FactSentences.StatesFigure(r, q);
        var stating = rows.Where(r => r.Coverage >= rows[0].Coverage - FactMargin && states(r.Row)).ToList();
        return stating.Count > 0 ? stating : rows;
    }
}
