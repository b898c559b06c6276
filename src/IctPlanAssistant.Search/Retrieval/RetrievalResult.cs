using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A row the retrieval layer returned: its score, its coverage (the share of the question's weighted words it
/// matches; 1 for a filter-only question) and the passages where the question matched.
/// </summary>
public sealed record RetrievedRow(PlanRow Row, float Score, double Coverage, IReadOnlyList<Snippet> Snippets)
{
    /// <summary>The share of the question's things (its nouns; not its verbs or modifiers) the row matches.</summary>
    public double ContentCoverage { get; init; } = Coverage;

    /// <summary>The things the question names (its nouns) that the row does not have: what an answer with it must not claim.</summary>
    public IReadOnlyList<TermGroup> Missed { get; init; } = [];
}

/// <summary>How many results fall in one department or section.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

public sealed record Facets(IReadOnlyList<FacetCount> Departments, IReadOnlyList<FacetCount> Sections)
{
    public static Facets Empty { get; } = new([], []);

    /// <summary>The values with the most results (several when tied; none when there are no results).</summary>
    public static IReadOnlyList<FacetCount> Most(IReadOnlyList<FacetCount> counts)
    {
        var most = counts.Select(c => c.Count).DefaultIfEmpty(0).Max();
        return most == 0 ? [] : counts.Where(c => c.Count == most).ToList();
    }

    /// <summary>How many results each plan holds, by plan key (empty in a one-plan index).</summary>
    public IReadOnlyList<FacetCount> Plans { get; init; } = [];

    /// <summary>
    /// How many results name each division, most first: counted only when the question asks which division has the
    /// most projects (a row may name several; the divisions are postings to walk, not values every question reads).
    /// </summary>
    public IReadOnlyList<FacetCount> Divisions { get; init; } = [];
}

/// <summary>
/// Count, budget sum and extremes over every row that matched, exact to the thousand yen, and the first matching rows
/// in id order (up to <see cref="RetrievalOptions.AggregateRowLimit"/>), so an answer can cite the rows it counted.
/// </summary>
public sealed record RowAggregate(
    int Count,
    int CountWithBudget,
    long BudgetSum,
    IReadOnlyList<PlanRow> Rows,
    IReadOnlyList<PlanRow> RowsWithBudget,
    PlanRow? Largest,
    PlanRow? Smallest)
{
    public IReadOnlyList<PlanRow> RowsWithoutBudget => Rows.Where(r => r.BudgetThousandYen is null).ToList();

    /// <summary>The budget sum and row counts of each department among every matching row, largest budget first.</summary>
    public IReadOnlyList<DepartmentBudget> BudgetByDepartment { get; init; } = [];
}

/// <summary>The budget of the matching rows of one department (thousand yen), and how many rows have no budget figure.</summary>
public sealed record DepartmentBudget(string Department, long BudgetThousandYen, int Rows, int RowsWithoutBudget);

/// <summary>What one retrieval returned: the ranked rows (up to the requested number), the total, facets and aggregate.</summary>
public sealed record RetrievalResult(
    QueryInterpretation Interpretation,
    int Total,
    IReadOnlyList<RetrievedRow> Rows,
    Facets Facets,
    RowAggregate Aggregate)
{
    public bool IsEmpty => Rows.Count == 0;

    /// <summary>
    /// The question's words decided which rows matched. False when there were none, or only words too common to
    /// decide (システム with a department filter): then the filters chose the rows and the words only ranked them.
    /// </summary>
    public bool TextDecides { get; init; }

    /// <summary>
    /// Words of the question that no row (within the filters) contains, though the rows were found by the rest of
    /// it: an answer must not present its rows as being about them. Verbs and の-phrases the plan never uses are
    /// not listed; they only ever ranked.
    /// </summary>
    public IReadOnlyList<TermGroup> Unmatched { get; init; } = [];

    /// <summary>
    /// The rows that match every thing the question names (its nouns), best first, up to
    /// <see cref="RetrievalOptions.AggregateRowLimit"/>: what a question of words is about, more than <see cref="Rows"/>
    /// may hold. <see cref="FullMatchCount"/> counts them all.
    /// </summary>
    public IReadOnlyList<RowId> FullMatches { get; init; } = [];

    public int FullMatchCount { get; init; }

    /// <summary>
    /// When fewer rows matched than were asked for: the rows that match some of what the question is about but too
    /// little of it to be its answer, best first, as many as fill the places <see cref="Rows"/> left. They rank after
    /// the answer's rows and are never its rows: a search lists them as nearby results, an answer does not cite them.
    /// </summary>
    public IReadOnlyList<RetrievedRow> Near { get; init; } = [];

    /// <summary>
    /// When no row was found: the plan's words nearest to the question's words the plan does not have, closest first
    /// (<see cref="Querying.NearestWords"/>), to offer instead. Empty when rows were found.
    /// </summary>
    public IReadOnlyList<string> NearestWords { get; init; } = [];
}
