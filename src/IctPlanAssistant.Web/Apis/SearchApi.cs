using System.Text;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Serialization;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Web.Apis;

/// <summary>
/// The query of GET /api/search: words, and filters that narrow what the words find. <c>lang</c> (ja|en) is the
/// language the interpretation is described in; by default the words' language, Japanese when there are none.
/// </summary>
public sealed record SearchApiQuery(
    string? Q,
    string? Department,
    int? Section,
    bool? New,
    long? MinBudget,
    long? MaxBudget,
    string? Achievement,
    string? Sort,
    int? Top,
    string? Plan,
    string? Lang = null);

/// <summary>A result row: the row JSON plus its score and highlighted passages (HTML, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(PlanRow Row, float Score, IReadOnlyList<SnippetDto> Snippets);

public sealed record SnippetDto(string Field, string Html, string Text);

/// <summary>
/// The answer of GET /api/search: <c>total, rows, facets, interpretation</c> (the contract), plus the budget by
/// department over every matching row (not only the rows returned), for the staff page's chart.
/// </summary>
public sealed record SearchApiResponse(
    int Total,
    IReadOnlyList<SearchHit> Rows,
    Facets Facets,
    InterpretationDto Interpretation,
    IReadOnlyList<DepartmentBudget> BudgetByDepartment);

internal static class SearchApi
{
    public const int MaxTop = 200;
    public const int DefaultTop = 50;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithSummary("Search the rows across departments, with filters, facets and highlighted matches.")
            .Produces<SearchApiResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/search/csv", ExportCsv)
            .WithName("SearchCsv")
            .WithSummary("Every row the search matches (up to 200), as CSV in UTF-8 with a byte order mark (Excel reads it as such).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static IResult Search([AsParameters] SearchApiQuery query, QueryInterpreter interpreter, PlanRetriever retriever)
    {
        if (Validate(query) is { } problem) return problem;
        var (result, interpretation) = Run(query, query.Top ?? DefaultTop, interpreter, retriever);
        var hits = result.Rows.Select(r => new SearchHit(r.Row, r.Score, r.Snippets.Select(s => new SnippetDto(s.Field, s.ToHtml(), s.ToPlainText())).ToList())).ToList();
        return TypedResults.Ok(new SearchApiResponse(result.Total, hits, result.Facets, InterpretationDto.From(interpretation), result.Aggregate.BudgetByDepartment));
    }

    private static IResult ExportCsv([AsParameters] SearchApiQuery query, QueryInterpreter interpreter, PlanRetriever retriever)
    {
        if (Validate(query) is { } problem) return problem;
        // The export is of the results, not of the page shown: every match, in the page's order.
        var (result, _) = Run(query, MaxTop, interpreter, retriever);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            PlanRowCsv.Write(writer, result.Rows.Select(r => r.Row));
        }
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "ict-plan-search.csv");
    }

    private static IResult? Validate(SearchApiQuery query)
    {
        string? problem = null;
        if (query.Top is < 1 or > MaxTop)
            problem = $"top must be between 1 and {MaxTop}";
        else if (query.MinBudget is < 0 || query.MaxBudget is < 0 || query.MinBudget > query.MaxBudget)
            problem = "minBudget and maxBudget must be non-negative, minBudget ≤ maxBudget";
        else if (query.Q is { Length: > 500 })
            problem = "q is longer than 500 characters";
        else if (!TryParseSort(query.Sort, out _))
            problem = "sort must be relevance, budget-desc, budget-asc or id";
        else if (!TryParseAchievement(query.Achievement, out _))
            problem = "achievement must be achieved, as-planned, below-target, not-implemented or no-cases";
        else if (query.Lang is not (null or "" or "ja" or "en"))
            problem = "lang must be ja or en";
        return problem is null ? null : TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "The search cannot be run as asked");
    }

    /// <summary>The words read as a question, then the explicit filters of the query in place of what the words implied.</summary>
    private static (RetrievalResult Result, QueryInterpretation Interpretation) Run(SearchApiQuery query, int top, QueryInterpreter interpreter, PlanRetriever retriever)
    {
        TryParseSort(query.Sort, out var sort);
        TryParseAchievement(query.Achievement, out var achievement);
        var interpretation = interpreter.Interpret(query.Q ?? "");
        interpretation = interpretation with
        {
            Departments = query.Department is { Length: > 0 } d ? [d] : interpretation.Departments,
            Sections = query.Section is { } s ? [s] : interpretation.Sections,
            IsNew = query.New ?? interpretation.IsNew,
            Budget = query.MinBudget is not null || query.MaxBudget is not null
                ? new BudgetRange(query.MinBudget, query.MaxBudget is { } max and < long.MaxValue ? max + 1 : null)
                : interpretation.Budget,
            Achievement = achievement == AchievementStatus.None ? interpretation.Achievement : achievement,
            Plan = query.Plan ?? interpretation.Plan,
            Intent = AnswerIntent.List,
            Language = query.Lang switch
            {
                "en" => QueryLanguage.English,
                "ja" => QueryLanguage.Japanese,
                _ => string.IsNullOrWhiteSpace(query.Q) ? QueryLanguage.Japanese : interpretation.Language,
            },
        };
        var result = retriever.Retrieve(interpretation, RetrievalOptions.Default with { Top = top, Sort = sort, BrowseWhenEmpty = true });
        return (result, interpretation);
    }

    private static bool TryParseSort(string? text, out RowSort sort)
    {
        sort = text switch
        {
            null or "" or "relevance" => RowSort.Relevance,
            "budget-desc" => RowSort.BudgetDescending,
            "budget-asc" => RowSort.BudgetAscending,
            "id" => RowSort.Id,
            _ => (RowSort)(-1),
        };
        return Enum.IsDefined(sort);
    }

    private static bool TryParseAchievement(string? text, out AchievementStatus status)
    {
        status = text switch
        {
            null or "" => AchievementStatus.None,
            "achieved" => AchievementStatus.Achieved,
            "as-planned" => AchievementStatus.AsPlanned,
            "below-target" => AchievementStatus.BelowTarget,
            "not-implemented" => AchievementStatus.NotImplemented,
            "no-cases" => AchievementStatus.NoCases,
            _ => (AchievementStatus)(-1),
        };
        return (int)status >= 0;
    }
}
