using System.Globalization;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Querying;

/// <summary>The interpretation as people read it: "部局: 保健福祉部 / 語: タブレット", in the question's language.</summary>
public static class InterpretationText
{
    public static string Describe(QueryInterpretation q) => Describe(q, q.Language);

    public static string Describe(QueryInterpretation q, QueryLanguage language)
    {
        var ja = language == QueryLanguage.Japanese;
        var parts = new List<string>();
        void Add(string jaLabel, string enLabel, string value) => parts.Add($"{(ja ? jaLabel : enLabel)}: {value}");
        if (q.Plan is not null) Add("計画", "Plan", q.Plan);
        if (q.Departments.Count > 0) Add("部局", "Department", string.Join("・", q.Departments));
        if (q.ExceptDepartments.Count > 0) Add("部局", "Department", ja ? string.Join("・", q.ExceptDepartments) + "以外" : "not " + string.Join(", ", q.ExceptDepartments));
        if (q.Sections.Count > 0) Add("柱", "Section", string.Join("・", q.Sections));
        if (q.Divisions.Count > 0) Add("担当課", "Division", string.Join("・", q.Divisions));
        if (q.ExceptDivisions.Count > 0) Add("担当課", "Division", ja ? string.Join("・", q.ExceptDivisions) + "以外" : "not " + string.Join(", ", q.ExceptDivisions));
        if (q.IsNew is { } isNew) parts.Add(ja ? (isNew ? "新規" : "継続") : (isNew ? "New" : "Not new"));
        if (q.Budget is { } b) Add("事業費", "Budget", Budget(b, ja));
        if (q.HasBudget == false) parts.Add(ja ? "事業費の記載なし" : "No budget figure");
        if (q.HasBudget == true) parts.Add(ja ? "事業費の記載あり" : "With a budget figure");
        if (q.OtherYear is { } y) parts.Add(ja ? $"{y.Year}年度の予算（この計画は{y.PlanYear}年度）" : $"FY{y.Year} budget (the plan reports FY{y.PlanYear})");
        if (q.Achievement != AchievementStatus.None) Add("達成度", "Achievement", Achievement(q.Achievement, ja));
        if (q.Terms.Count > 0) Add("語", "Words", string.Join("・", q.Terms.Select(Term)));
        // An empty scope is no previous answer's rows but none at all (a question that refers to nothing before it).
        if (q.Scope is { Count: > 0 } scope) parts.Add(ja ? $"前の回答の{scope.Count}件の中" : $"within the previous {scope.Count} rows");
        if (q.Within is not null) parts.Add(ja ? "前の回答の事業の中" : "within the previous answer's rows");
        if (q.Intent != AnswerIntent.List) Add("求めるもの", "Asked", (q.Order.IsByAchievement() ? AchievementOrder(q.Order, ja) : Intent(q.Intent, ja)) + Place(q, ja));
        if (parts.Count == 0 && q.AsksForEverything) return ja ? "全事業" : "All projects";
        return parts.Count == 0 ? (ja ? "条件なし" : "no conditions") : string.Join(" / ", parts);
    }

    private static string Term(TermGroup t)
    {
        var shown = t.Alternatives.Where(a => a != t.Text).Take(3).ToList();
        return shown.Count == 0 ? t.Text : $"{t.Text}（{string.Join("・", shown)}）";
    }

    private static string Budget(BudgetRange b, bool ja)
    {
        static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var unit = ja ? "千円" : " thousand yen";
        return (b.Min, b.Max) switch
        {
            ({ } min, { } max) => $"{N(min)}{unit} – {N(max)}{unit}",
            ({ } min, null) => ja ? $"{N(min)}千円以上" : $"≥ {N(min)}{unit}",
            (null, { } max) => ja ? $"{N(max)}千円未満" : $"< {N(max)}{unit}",
            _ => "",
        };
    }

    private static string Achievement(AchievementStatus s, bool ja) => string.Join("・",
        Enum.GetValues<AchievementStatus>().Where(f => f != 0 && s.HasFlag(f)).Select(f => (f, ja) switch
        {
            (AchievementStatus.Achieved, true) => "目標達成",
            (AchievementStatus.AsPlanned, true) => "計画どおり",
            (AchievementStatus.BelowTarget, true) => "目標を下回った",
            (AchievementStatus.NotImplemented, true) => "未実施",
            (AchievementStatus.NoCases, true) => "該当事例なし",
            (AchievementStatus.Achieved, false) => "target met",
            (AchievementStatus.AsPlanned, false) => "as planned",
            (AchievementStatus.BelowTarget, false) => "below target",
            (AchievementStatus.NotImplemented, false) => "not carried out",
            _ => "no applicable cases",
        }));

    /// <summary>A place in the budget order other than the first (2番目に大きい): said after the intent.</summary>
    private static string Place(QueryInterpretation q, bool ja) =>
        q.RankPlace <= 1 || q.Intent is not (AnswerIntent.Largest or AnswerIntent.Smallest) ? "" : ja ? $"（{q.RankPlace}番目）" : $" (number {q.RankPlace})";

    private static string AchievementOrder(RowSort order, bool ja) => (order == RowSort.AchievementRateDescending, ja) switch
    {
        (true, true) => "目標達成率が最高",
        (false, true) => "目標達成率が最低",
        (true, false) => "highest share of target reached",
        (false, false) => "lowest share of target reached",
    };

    private static string Intent(AnswerIntent intent, bool ja) => (intent, ja) switch
    {
        (AnswerIntent.Count, true) => "件数",
        (AnswerIntent.Sum, true) => "事業費の合計",
        (AnswerIntent.Largest, true) => "事業費が最大",
        (AnswerIntent.Smallest, true) => "事業費が最小",
        (AnswerIntent.Fact, true) => "事業の詳細",
        (AnswerIntent.MostProjects, true) => "事業が最も多い部局",
        (AnswerIntent.MostProjectsByDivision, true) => "事業が最も多い担当課",
        (AnswerIntent.Count, false) => "count",
        (AnswerIntent.Sum, false) => "total budget",
        (AnswerIntent.Largest, false) => "largest budget",
        (AnswerIntent.Smallest, false) => "smallest budget",
        (AnswerIntent.Fact, false) => "a detail",
        (AnswerIntent.MostProjects, false) => "the department with the most projects",
        (AnswerIntent.MostProjectsByDivision, false) => "the division with the most projects",
        _ => "",
    };
}
