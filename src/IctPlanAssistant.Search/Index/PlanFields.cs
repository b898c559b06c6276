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

    /// <summary>How much of its stated targets a row reached, in ten-thousandths (<see cref="RowDocument.NoRate"/>: it states none).</summary>
    public const string AchievementRateValue = "achievement_rate_dv";

    /// <summary>The row's place in id order, so export lists rows in id order whatever the segment layout.</summary>
    public const string Order = "order_dv";

    // Japanese-analysed text (JapaneseAnalyzer): the name, weighted most, and everything else the row says.
    // One body field rather than one per column: a question searches a few fields, not seven, per spelling.
    public const string NameText = "name";
    public const string BodyText = "body";

    // The CJK bigram companion fields (CjkBigramAnalyzer).
    public const string NameBigram = "name_bigram";
    public const string BodyBigram = "body_bigram";

    // The reading fields (JapaneseReadingAnalyzer): each word as its katakana reading, for questions typed in kana.
    public const string NameReading = "name_reading";
    public const string BodyReading = "body_reading";

    /// <summary>The whole row as JSON, stored for citing and display.</summary>
    public const string Row = "row";

    /// <summary>The fields a text query searches, with their weights: the name matters most.</summary>
    public static IReadOnlyList<(string Field, float Boost)> TextFields { get; } =
    [
        (NameText, 4f), (BodyText, 1.2f),
    ];

    public static IReadOnlyList<(string Field, float Boost)> BigramFields { get; } =
    [
        (NameBigram, 2f), (BodyBigram, 0.8f),
    ];

    public static IReadOnlyList<(string Field, float Boost)> ReadingFields { get; } =
    [
        (NameReading, 2f), (BodyReading, 0.8f),
    ];

    public static bool IsBigram(string field) => field.EndsWith("_bigram", StringComparison.Ordinal);
}
