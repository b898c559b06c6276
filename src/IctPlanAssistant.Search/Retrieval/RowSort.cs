namespace IctPlanAssistant.Search.Retrieval;

/// <summary>How results are ordered.</summary>
public enum RowSort
{
    /// <summary>Best match first; rows of a filter-only query in id order.</summary>
    Relevance,
    BudgetDescending,
    BudgetAscending,
    Id,

    /// <summary>The row that reached the most of its stated targets first; rows that state none last.</summary>
    AchievementRateDescending,

    /// <summary>The row that reached the least of its stated targets first; rows that state none last.</summary>
    AchievementRateAscending,
}

public static class RowSortExtensions
{
    /// <summary>Whether the order is by how much of their targets rows reached, not by budget.</summary>
    public static bool IsByAchievement(this RowSort sort) => sort is RowSort.AchievementRateAscending or RowSort.AchievementRateDescending;
}

/// <summary>How much one retrieval returns and how strict it is about weak matches.</summary>
public sealed record RetrievalOptions
{
    public static RetrievalOptions Default { get; } = new();

    /// <summary>Rows returned (the <c>retrieved</c> list of the batch contract holds up to 20).</summary>
    public int Top { get; init; } = 20;

    public RowSort Sort { get; init; } = RowSort.Relevance;


    /// <summary>
    /// The share of the question's information (its term groups weighted by rarity) a row must match. A row that
    /// matches only common words (事業, 支援) of a question about something the plan lacks is not a result.
    /// </summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>
    /// Under a filter, words too common to decide (システム, or an English word the plan does not use) only rank the
    /// filter's rows instead of narrowing them: a question (危機管理部 災害対策課 システム) wants the division's rows.
    /// A search (the staff search, <c>ictplan search</c>) leaves it off: a keyword finds only rows that have it.
    /// </summary>
    public bool CommonWordsOnlyRank { get; init; }

    /// <summary>Mark the matched words in each returned row (the staff search shows them; answers do not need them).</summary>
    public bool Highlight { get; init; } = true;

    /// <summary>Rows an aggregate lists, in id order (the count and sums cover every row).</summary>
    public int AggregateRowLimit { get; init; } = 200;
}
