using System.Text;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Serialization;
using IctPlanAssistant.Search;
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
            .WithSummary("Every row the search matches (up to 200), as CSV in UTF-8 with a byte order mark (Excel reads it as such), " +
                         "with the plan's Japanese column names and 〇 for a new project, in a file named after the conditions and the date.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static IResult Search([AsParameters] SearchApiQuery query, PlanSearch search)
    {
        if (Validate(query) is { } problem) return problem;
        var result = search.Search(RequestOf(query, query.Top ?? DefaultTop));
        var hits = result.Rows.Select(r => new SearchHit(r.Row, r.Score, r.Snippets.Select(s => new SnippetDto(s.Field, s.ToHtml(), s.ToPlainText())).ToList())).ToList();
        return TypedResults.Ok(new SearchApiResponse(result.Total, hits, result.Facets, InterpretationDto.From(result.Interpretation), result.Aggregate.BudgetByDepartment));
    }

    private static IResult ExportCsv([AsParameters] SearchApiQuery query, PlanSearch search, TimeProvider clock)
    {
        if (Validate(query) is { } problem) return problem;
        // The export is of the results, not of the page shown: every match, in the page's order.
        var result = search.Search(RequestOf(query, MaxTop));
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            PlanRowCsv.Write(writer, result.Rows.Select(r => r.Row), PlanRowCsv.JapaneseColumns);
        }
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", ExportFileName.For(query, clock.GetUtcNow()));
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
        else if (!SearchParameters.TryParseSort(query.Sort, out _))
            problem = $"sort must be {SearchParameters.SortNames}";
        else if (!SearchParameters.TryParseAchievement(query.Achievement, out _))
            problem = $"achievement must be {SearchParameters.AchievementNames}";
        else if (query.Lang is not (null or "" or "ja" or "en"))
            problem = "lang must be ja or en";
        return problem is null ? null : TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "The search cannot be run as asked");
    }

    /// <summary>The words, read as a question, with the query's explicit filters in place of what the words implied.</summary>
    private static SearchRequest RequestOf(SearchApiQuery query, int top)
    {
        SearchParameters.TryParseSort(query.Sort, out var sort);
        SearchParameters.TryParseAchievement(query.Achievement, out var achievement);
        return new SearchRequest(query.Q ?? "")
        {
            Filters = new SearchFilters
            {
                Departments = query.Department is { Length: > 0 } d ? [d] : [],
                Sections = query.Section is { } s ? [s] : [],
                IsNew = query.New,
                Budget = query.MinBudget is not null || query.MaxBudget is not null
                    ? new BudgetRange(query.MinBudget, query.MaxBudget is { } max and < long.MaxValue ? max + 1 : null)
                    : null,
                Achievement = achievement,
                Plan = query.Plan,
            },
            Sort = sort,
            Top = top,
            Highlight = true,
            Language = query.Lang switch
            {
                "en" => QueryLanguage.English,
                "ja" => QueryLanguage.Japanese,
                _ => string.IsNullOrWhiteSpace(query.Q) ? QueryLanguage.Japanese : null,
            },
        };
    }
}
