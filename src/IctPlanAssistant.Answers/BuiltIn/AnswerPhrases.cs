using System.Globalization;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>The words of built-in answers, in Japanese and English: conditions, rows, figures.</summary>
public sealed class AnswerPhrases(Glossary glossary)
{
    private readonly Dictionary<string, string> _englishDepartments = glossary.Departments
        .Where(d => d.Phrase.All(c => c < 0x80))
        .GroupBy(d => d.Department)
        .ToDictionary(g => g.Key, g => g.First().Phrase);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>保健福祉部 (Health and Welfare) in English answers, 保健福祉部 in Japanese ones.</summary>
    public string Department(string department, bool ja) =>
        ja || !_englishDepartments.TryGetValue(department, out var english) ? department : $"{department} ({english})";

    /// <summary>The budget as printed: 1,943,682千円 / 1,943,682 thousand yen, or that none is given.</summary>
    public static string Budget(PlanRow row, bool ja) => row.BudgetThousandYen is not null
        ? (ja ? $"事業費 {row.BudgetText}千円" : $"budget {row.BudgetText} thousand yen")
        : (ja ? $"事業費 {(row.BudgetText.Length > 0 ? row.BudgetText : "—")}（記載なし）" : "no budget figure given (—)");

    /// <summary>One cited row as a list item: name, department (and divisions), budget, whether it is new when asked, citation.</summary>
    public string RowLine(PlanRow row, bool ja, bool divisions = false, bool newFlag = false)
    {
        var org = Department(row.Department, ja);
        if (divisions && row.Divisions.Count > 0) org += (ja ? "・" : ", ") + string.Join(ja ? "・" : ", ", row.Divisions);
        var isNew = !newFlag ? "" : ja ? (row.IsNew ? "、新規" : "、継続") : (row.IsNew ? "; new" : "; not new");
        return ja
            ? $"- **{row.Name}**（{org}、{Budget(row, ja)}{isNew}）[{row.Id}]"
            : $"- **{row.Name}** ({org}; {Budget(row, ja)}{isNew}) [{row.Id}]";
    }

    /// <summary>In やさしい日本語, a row as a list item: its name and citation, then who runs it and its budget, one sentence each.</summary>
    public static string PlainRowLine(PlanRow row, bool divisions = false, bool newFlag = false) =>
        $"- **{row.Name}** [{row.Id}]：{PlainOrganisation(row, divisions)}{PlainBudget(row)}{(newFlag ? row.IsNew ? "（新規）" : "（継続）" : "")}";

    /// <summary>In やさしい日本語, who runs a row: 担当は保健福祉部です。 or, with its divisions, 担当課は保健福祉部の地域医療課です。</summary>
    public static string PlainOrganisation(PlanRow row, bool divisions) => divisions && row.Divisions.Count > 0
        ? $"担当課は{row.Department}の{string.Join("・", row.Divisions)}です。"
        : $"担当は{row.Department}です。";

    /// <summary>In やさしい日本語, a row's budget: 事業費は約19億4千万円（1,943,682千円）です。, or that the plan gives none.</summary>
    public static string PlainBudget(PlanRow row) => row.BudgetThousandYen is { } budget
        ? $"事業費は{YenAmount.WithExact(budget)}です。"
        : $"事業費は書かれていません（{(row.BudgetText.Length > 0 ? row.BudgetText : "—")}）。";

    /// <summary>The conditions of the question, to lead the answer: 保健福祉部の「タブレット」に関する事業 / projects of … about ….</summary>
    public string Subject(QueryInterpretation q, RetrievalResult result, bool ja, int count = 2, IReadOnlyList<TermGroup>? missed = null, bool plain = false)
    {
        string SectionTitle(int s) => result.Facets.Sections.FirstOrDefault(f => f.Value == s.ToString(CultureInfo.InvariantCulture))?.Label ?? "";
        // An aside (農業でも介護でも) says what the answer includes, not what it is about.
        // When the filters chose the rows (the words matched none, or were too common to decide), the words are not what they are about.
        // Only the things it is about: not its verbs or phrasings (つながる, 地域の対策), nor what the rows lack, nor what the
        // asker says of themselves (うちの親が…なんだけど).
        var terms = q.Terms.Where(t => result.TextDecides && !result.Unmatched.Contains(t) && t.Kind is not (TermKind.Aside or TermKind.Verb or TermKind.Link) && !t.InContext && !t.DescribesPeople
                                       && !(missed?.Any(m => m == t || t.PartOf == m.Text) ?? false))
            .Select(t => t.Alternatives[0] == t.Text || !ja || t.IsList ? (ja ? t.Text : Quote(t)) : t.Alternatives[0]).ToList();
        if (ja)
        {
            var parts = new List<string>();
            // Several departments (or sections, divisions) are alternatives: 企画調整部・土木部の事業, never 企画調整部の土木部の事業.
            if (q.Departments.Count > 0) parts.Add(string.Join("・", q.Departments) + "の");
            if (q.ExceptDepartments.Count > 0) parts.Add(string.Join("・", q.ExceptDepartments) + "以外の");
            if (q.Sections.Count > 0) parts.Add(string.Join("・", q.Sections.Select(s => SectionTitle(s) is { Length: > 0 } t ? $"「{t}」" : $"柱{s}")) + "の柱の");
            if (q.Divisions.Count > 0) parts.Add(string.Join("・", q.Divisions) + "の");
            if (q.ExceptDivisions.Count > 0) parts.Add(string.Join("・", q.ExceptDivisions) + "以外の");
            if (q.IsNew is { } isNew) parts.Add(isNew ? "新規の" : "継続の");
            if (q.Budget is { } b) parts.Add($"事業費が{(plain ? PlainBudgetRange(b) : BudgetRangeText(b, true))}の");
            if (q.Achievement != AchievementStatus.None) parts.Add(AchievementText(q.Achievement, true));
            if (q.HasBudget == false) parts.Add("事業費の記載がない");
            if (q.HasBudget == true) parts.Add("事業費の記載がある");
            if (terms.Count > 0) parts.Add("「" + string.Join("」「", terms) + "」に関する");
            // 前の回答の事業 alone, or 前の回答の事業のうち新規の事業: never 前の回答の事業のうち事業.
            if (q.FollowsUp) return parts.Count == 0 ? "前の回答の事業" : "前の回答の事業のうち" + string.Concat(parts) + "事業";
            return string.Concat(parts) + "事業";
        }
        var en = new List<string> { count == 1 ? "project" : "projects" };
        en.AddRange(q.Departments.Select(d => $"of {Department(d, false)}"));
        if (q.ExceptDepartments.Count > 0) en.Add($"of departments other than {string.Join(" and ", q.ExceptDepartments.Select(d => Department(d, false)))}");
        en.AddRange(q.Sections.Select(s => SectionTitle(s) is { Length: > 0 } t ? $"in section {s} ({t})" : $"in section {s}"));
        en.AddRange(q.Divisions.Select(d => $"of the division {d}"));
        if (q.ExceptDivisions.Count > 0) en.Add($"of divisions other than {string.Join(" and ", q.ExceptDivisions)}");
        var are = count == 1 ? "is" : "are";
        if (q.IsNew is { } n) en.Add(n ? $"that {are} new" : $"that {are} not new");
        if (q.Budget is { } range) en.Add($"with a budget {BudgetRangeText(range, false)}");
        if (q.Achievement != AchievementStatus.None) en.Add(AchievementText(q.Achievement, false));
        if (q.HasBudget == false) en.Add("with no budget figure");
        if (q.HasBudget == true) en.Add("with a budget figure");
        if (terms.Count > 0) en.Add("about " + string.Join(", ", terms));
        if (q.FollowsUp) en.Add("among the previous answer's projects");
        return string.Join(' ', en);
    }

    /// <summary>A column as the plan names it (実績等), or in English.</summary>
    public static string ColumnLabel(PlanColumn column, bool ja) => (column, ja) switch
    {
        (PlanColumn.Results, true) => "実績等",
        (PlanColumn.Achievement, true) => "目標達成状況",
        (PlanColumn.Summary, true) => "事業概要",
        (PlanColumn.Budget, true) => "事業費",
        (PlanColumn.Department, true) => "部局等名",
        (PlanColumn.Divisions, true) => "担当課",
        (PlanColumn.Results, false) => "Results",
        (PlanColumn.Achievement, false) => "Goal achievement",
        (PlanColumn.Summary, false) => "Summary",
        (PlanColumn.Budget, false) => "Budget",
        (PlanColumn.Department, false) => "Department",
        _ => "Divisions",
    };

    /// <summary>That an answer lists only the first of the rows it is about: ほか3件 / and 3 more.</summary>
    public static string More(int more, bool ja) => ja ? $"ほか{more}件あります。" : $"…and {more} more.";

    /// <summary>Says which things of the question no row shown has, before the rows that have the rest of it.</summary>
    public static string NoneHas(IReadOnlyList<TermGroup> terms, bool ja) => ja
        ? $"「{string.Join("」「", terms.Select(t => t.Text))}」に当たる事業はありませんでした。近いものを示します。"
        : $"No project matches {string.Join(" and ", terms.Select(t => $"“{t.Text}”"))}; these come closest.";

    /// <summary>Says that the plan's budgets are of its own fiscal year only, not of the one asked about.</summary>
    public static string OtherYear(OtherFiscalYear year, bool ja) => ja
        ? $"この計画に載っている事業費は{year.PlanYear}年度の当初予算だけで、{year.Year}年度の予算は載っていません。"
        : $"The plan gives each project's initial budget for FY{year.PlanYear} only; it has no FY{year.Year} figures.";

    /// <summary>Says that words of the question matched no row, before the rows the rest of it found.</summary>
    public static string Unmatched(IReadOnlyList<TermGroup> terms, bool ja, bool plain = false) => plain
        ? $"「{string.Join("」「", terms.Select(t => t.Text))}」を含む事業はありませんでした。ほかの条件に合う事業を示します。"
        : ja
        ? $"「{string.Join("」「", terms.Select(t => t.Text))}」を含む事業は見つからなかったため、ほかの条件に合う事業を示します。"
        : $"No project mentions {string.Join(" or ", terms.Select(t => $"“{t.Text}”"))}, so these are the projects that meet the rest of the question.";

    private static string Quote(TermGroup t) =>
        t.Alternatives[0] == t.Text ? t.Text : $"{t.Text} ({string.Join(", ", t.Alternatives.Take(2))})";

    private static string BudgetRangeText(BudgetRange b, bool ja) => (b.Min, b.Max, ja) switch
    {
        ({ } min, { } max, true) => $"{Number(min)}千円以上{Number(max)}千円未満",
        ({ } min, null, true) => $"{Number(min)}千円以上",
        (null, { } max, true) => $"{Number(max)}千円未満",
        ({ } min, { } max, false) => $"from {Number(min)} to under {Number(max)} thousand yen",
        ({ } min, null, false) => $"of {Number(min)} thousand yen or more",
        (null, { } max, false) => $"under {Number(max)} thousand yen",
        _ => "",
    };

    /// <summary>A budget range in 億円/万円 (1億円以上), the amounts as <see cref="YenAmount.Plain"/> says them.</summary>
    private static string PlainBudgetRange(BudgetRange b) => (b.Min, b.Max) switch
    {
        ({ } min, { } max) => $"{YenAmount.Plain(min)}以上{YenAmount.Plain(max)}未満",
        ({ } min, null) => $"{YenAmount.Plain(min)}以上",
        (null, { } max) => $"{YenAmount.Plain(max)}未満",
        _ => "",
    };

    private static string AchievementText(AchievementStatus s, bool ja)
    {
        var flags = Enum.GetValues<AchievementStatus>().Where(f => f != 0 && s.HasFlag(f));
        return string.Join(ja ? "・" : " or ", flags.Select(f => (f, ja) switch
        {
            (AchievementStatus.Achieved, true) => "目標を達成した",
            (AchievementStatus.AsPlanned, true) => "計画どおり実施した",
            (AchievementStatus.BelowTarget, true) => "目標を下回った",
            (AchievementStatus.NotImplemented, true) => "未実施の",
            (AchievementStatus.NoCases, true) => "該当事例がない",
            (AchievementStatus.Achieved, false) => "that met their target",
            (AchievementStatus.AsPlanned, false) => "carried out as planned",
            (AchievementStatus.BelowTarget, false) => "that fell short of their target",
            (AchievementStatus.NotImplemented, false) => "that were not carried out",
            _ => "with no applicable cases",
        }));
    }

    /// <summary>The share of its stated targets a row reached, as a whole percentage (31%), or a dash when it states none.</summary>
    public static string Percent(PlanRow row) =>
        AchievementClassifier.Rate(row.Achievement) is { } rate
            ? Math.Round(rate * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%"
            : "—";

    /// <summary>
    /// A place in the budget order as the answer says it before its adjective: 最も / いちばん (plain) for the first,
    /// 2番目に for another; in English nothing for the first (the largest), second, third… for another.
    /// </summary>
    public static string Place(int place, bool ja, bool plain) =>
        place <= 1 ? (plain ? "いちばん" : ja ? "最も" : "")
        : ja ? $"{place}番目に"
        : place switch { 2 => "second ", 3 => "third ", 4 => "fourth ", 5 => "fifth ", _ => $"{place}th " };
}
