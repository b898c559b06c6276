namespace IctPlanAssistant.Search.Index;

/// <summary>The names of the index's fields: one home for every name the writer and the queries share.</summary>
public static class PlanFields
{
    // Exact (not analysed) fields, for filters and lookups.
    public const string Id = "id";
    public const string Plan = "plan";
    public const string Section = "section";
    public const string Department = "department";
    public const string Division = "division";
    public const string IsNew = "new";
    public const string Achievement = "achievement_kind";
    public const string HasBudget = "has_budget";

    /// <summary>Budget in thousand yen, indexed for range queries (Int64 trie).</summary>
    public const string Budget = "budget";

    // Doc values, for facets, sorting and aggregates without loading stored fields.
    public const string BudgetValue = "budget_dv";
    public const string SectionValue = "section_dv";
    public const string DepartmentValue = "department_dv";
    public const string PlanValue = "plan_dv";

    /// <summary>The row's place in id order, so export lists rows in id order whatever the segment layout.</summary>
    public const string Order = "order_dv";

    // Japanese-analysed text fields (JapaneseAnalyzer).
    public const string NameText = "name";
    public const string SummaryText = "summary";
    public const string ResultsText = "results";
    public const string AchievementText = "achievement";
    public const string DivisionsText = "divisions";
    public const string DepartmentText = "department_text";
    public const string SectionTitleText = "section_title";

    // The CJK bigram companion fields (CjkBigramAnalyzer).
    public const string NameBigram = "name_bigram";
    public const string BodyBigram = "body_bigram";

    /// <summary>The whole row as JSON, stored for citing and display.</summary>
    public const string Row = "row";

    /// <summary>The fields a text query searches, with their weights: the name matters most.</summary>
    public static IReadOnlyList<(string Field, float Boost)> TextFields { get; } =
    [
        (NameText, 4f), (SummaryText, 1.5f), (ResultsText, 1f), (AchievementText, 0.8f),
        (DivisionsText, 1.5f), (DepartmentText, 1.5f), (SectionTitleText, 0.3f),
    ];

    public static IReadOnlyList<(string Field, float Boost)> BigramFields { get; } =
    [
        (NameBigram, 2f), (BodyBigram, 0.8f),
    ];

    public static bool IsBigram(string field) => field.EndsWith("_bigram", StringComparison.Ordinal);
}
