using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search;

/// <summary>
/// What a caller asks of the plan: words or a question, the conditions it sets explicitly (the staff search's
/// filters), the conversation it belongs to, and how the rows come back. Every channel asks through this one shape.
/// </summary>
public sealed record SearchRequest(string Text)
{
    /// <summary>Conditions set beside the words; each one set replaces what the words said of the same thing.</summary>
    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>The previous turn of the conversation, which a follow-up question is read against.</summary>
    public PreviousTurn? Previous { get; init; }

    /// <summary>The order of the rows; <see cref="RowSort.Relevance"/> is the order the question asks for.</summary>
    public RowSort Sort { get; init; } = RowSort.Relevance;

    /// <summary>How many ranked rows come back (every matching row is still counted, summed and faceted).</summary>
    public int Top { get; init; } = DefaultTop;

    /// <summary>Mark the matched words in each returned row (the staff search shows them; answers quote whole cells).</summary>
    public bool Highlight { get; init; }

    /// <summary>Whether under a filter words too common to decide only rank its rows (a question) or must match (a search).</summary>
    public bool CommonWordsOnlyRank { get; init; }

    /// <summary>The language the interpretation is described in; by default the question's.</summary>
    public QueryLanguage? Language { get; init; }

    public const int DefaultTop = 20;
}

/// <summary>The explicit conditions of a search (the staff search's form, the API's query, a chat within one plan).</summary>
public sealed record SearchFilters
{
    public static SearchFilters None { get; } = new();

    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<int> Sections { get; init; } = [];

    public bool? IsNew { get; init; }

    /// <summary>The budget range in thousand yen, <c>Min ≤ budget &lt; Max</c>.</summary>
    public BudgetRange? Budget { get; init; }

    public AchievementStatus Achievement { get; init; }

    public string? Plan { get; init; }

    /// <summary>The interpretation with these conditions in place of what the words said of the same things.</summary>
    public QueryInterpretation ApplyTo(QueryInterpretation q) => q with
    {
        Departments = Departments.Count > 0 ? Departments : q.Departments,
        Sections = Sections.Count > 0 ? Sections : q.Sections,
        IsNew = IsNew ?? q.IsNew,
        Budget = Budget ?? q.Budget,
        Achievement = Achievement != AchievementStatus.None ? Achievement : q.Achievement,
        Plan = Plan ?? q.Plan,
    };
}
