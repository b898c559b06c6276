using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The query of GET /api/search: words, and filters that narrow what the words find.</summary>
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
    string? Plan);

/// <summary>A result row: the row JSON plus its score and highlighted passages (HTML, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(PlanRow Row, float Score, IReadOnlyList<SnippetDto> Snippets);

public sealed record SnippetDto(string Field, string Html, string Text);

public sealed record SearchApiResponse(int Total, IReadOnlyList<SearchHit> Rows, Facets Facets, InterpretationDto Interpretation);

internal static class SearchApi
{
    public const int MaxTop = 200;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithSummary("Search the rows across departments, with filters, facets and highlighted matches.");
        return app;
    }

    private static IResult Search([AsParameters] SearchApiQuery query, QueryInterpreter interpreter, PlanRetriever retriever)
    {
        if (query.Top is < 1 or > MaxTop)
            return Results.Problem($"top must be between 1 and {MaxTop}", statusCode: StatusCodes.Status400BadRequest);
        if (query.MinBudget is < 0 || query.MaxBudget is < 0 || query.MinBudget > query.MaxBudget)
            return Results.Problem("minBudget and maxBudget must be non-negative, minBudget ≤ maxBudget", statusCode: StatusCodes.Status400BadRequest);
        if (query.Q is { Length: > 500 })
            return Results.Problem("q is longer than 500 characters", statusCode: StatusCodes.Status400BadRequest);
        if (!TryParseSort(query.Sort, out var sort))
            return Results.Problem("sort must be relevance, budget-desc, budget-asc or id", statusCode: StatusCodes.Status400BadRequest);
        if (!TryParseAchievement(query.Achievement, out var achievement))
            return Results.Problem("achievement must be achieved, as-planned, below-target, not-implemented or no-cases", statusCode: StatusCodes.Status400BadRequest);

        var interpretation = interpreter.Interpret(query.Q ?? "");
        interpretation = interpretation with
        {
            Departments = query.Department is { Length: > 0 } d ? [d] : interpretation.Departments,
            Sections = query.Section is { } s ? [s] : interpretation.Sections,
            IsNew = query.New ?? interpretation.IsNew,
            Budget = query.MinBudget is not null || query.MaxBudget is not null
                ? new BudgetRange(query.MinBudget, query.MaxBudget is { } max ? max + 1 : null)
                : interpretation.Budget,
            Achievement = achievement == AchievementStatus.None ? interpretation.Achievement : achievement,
            Plan = query.Plan ?? interpretation.Plan,
            Intent = AnswerIntent.List,
        };
        var result = retriever.Retrieve(interpretation, RetrievalOptions.Default with { Top = query.Top ?? 50, Sort = sort, BrowseWhenEmpty = true });
        var hits = result.Rows.Select(r => new SearchHit(r.Row, r.Score, r.Snippets.Select(s => new SnippetDto(s.Field, s.ToHtml(), s.ToPlainText())).ToList())).ToList();
        return Results.Ok(new SearchApiResponse(result.Total, hits, result.Facets, InterpretationDto.From(interpretation)));
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
