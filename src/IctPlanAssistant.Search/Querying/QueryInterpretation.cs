using IctPlanAssistant.Achievement;

namespace IctPlanAssistant.Search.Querying;

public enum QueryLanguage { Japanese, English }

/// <summary>What the question asks for, which decides the shape of the answer.</summary>
public enum AnswerIntent
{
    /// <summary>Which projects …? (a list of rows)</summary>
    List,

    /// <summary>How many …? (a count of the filtered rows)</summary>
    Count,

    /// <summary>How much in total …? (a sum of budgets)</summary>
    Sum,

    /// <summary>Which is the largest …? (the row with the largest budget)</summary>
    Largest,

    /// <summary>Which is the smallest …?</summary>
    Smallest,

    /// <summary>A detail of a project: a figure, a day, a division (answered by quoting the row).</summary>
    Fact,
}

/// <summary>A budget condition in thousand yen: <c>Min ≤ budget &lt; Max</c> (either side open).</summary>
public sealed record BudgetRange(long? Min, long? Max);

/// <summary>
/// One thing the question is about, as it was written and with the spellings that mean the same in the plan
/// (tablet → タブレット, iPad; どろーん → ドローン). A row matches the group if it matches any alternative.
/// </summary>
/// <param name="Weight">How much the group says about the topic: 1 for a noun or a glossary term, less for a verb
/// or an English word the glossary does not know.</param>
public sealed record TermGroup(string Text, IReadOnlyList<string> Alternatives, float Weight = 1f)
{
    public static TermGroup Of(string text) => new(text, [text]);
}

/// <summary>
/// What the question means for retrieval: filters, ranking, the words to search, and, in a follow-up, the rows
/// the previous turn found. The UI and the answer show it (<see cref="Describe"/>).
/// </summary>
public sealed record QueryInterpretation
{
    public required string Question { get; init; }

    public QueryLanguage Language { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<int> Sections { get; init; } = [];

    public IReadOnlyList<string> Divisions { get; init; } = [];

    public bool? IsNew { get; init; }

    public BudgetRange? Budget { get; init; }

    /// <summary>Rows whose achievement says any of these (none: no condition).</summary>
    public AchievementStatus Achievement { get; init; }

    /// <summary>A row with no budget figure (事業費 —).</summary>
    public bool? HasBudget { get; init; }

    public AnswerIntent Intent { get; init; }

    /// <summary>Units a figure that answers the question ends with (何台 → 台, how many people → 人/名).</summary>
    public IReadOnlyList<string> AnswerUnits { get; init; } = [];

    public IReadOnlyList<TermGroup> Terms { get; init; } = [];

    /// <summary>Compounds of the question (設計図書), which rank a row higher when it has them as written.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>In a follow-up, the rows of the previous turn the question is about (そのうち…, of them…).</summary>
    public IReadOnlyList<RowId>? Scope { get; init; }

    /// <summary>The plan key, in an index of several plans.</summary>
    public string? Plan { get; init; }

    public bool HasFilters =>
        Departments.Count > 0 || Sections.Count > 0 || Divisions.Count > 0 || IsNew is not null || Budget is not null ||
        Achievement != AchievementStatus.None || HasBudget is not null || Scope is not null || Plan is not null;

    /// <summary>A question made only of words the plan's rows carry: search text, no filters.</summary>
    public static QueryInterpretation ForText(string text) => new()
    {
        Question = text,
        Terms = text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(TermGroup.Of).ToArray(),
    };
}
