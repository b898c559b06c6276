using IctPlanAssistant.Search.Suggestions;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The answer of GET /api/suggest: the text as sent, where the completed part starts in it, and the suggestions best first.</summary>
public sealed record SuggestApiResponse(string Q, int From, IReadOnlyList<Suggestion> Suggestions);

/// <summary>
/// GET /api/suggest?q=たぶ: search-as-you-type for the chat's question box (<see cref="PlanSuggester"/>): project names
/// and plan words whose reading or surface starts with what was typed. Counted against <c>RateLimiting:Suggest</c>.
/// </summary>
internal static class SuggestApi
{
    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary($"Project names and plan words whose reading or surface starts with q (kana, katakana, kanji; at most {PlanSuggester.MaxInput} characters), " +
                         "names first, then by how many rows have them; from is where in q the completed part starts.")
            .Produces<SuggestApiResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static IResult Suggest(string? q, int? limit, PlanSuggester suggester)
    {
        string? problem = null;
        if (q is null)
            problem = "q is required";
        else if (q.Length > PlanSuggester.MaxInput)
            problem = $"q is longer than {PlanSuggester.MaxInput} characters";
        else if (q.Any(char.IsControl))
            problem = "q has control characters";
        else if (limit is < 1 or > PlanSuggester.MaxLimit)
            problem = $"limit must be between 1 and {PlanSuggester.MaxLimit}";
        if (problem is not null)
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "No suggestions for that");
        var result = suggester.Suggest(q, limit ?? PlanSuggester.DefaultLimit);
        return TypedResults.Ok(new SuggestApiResponse(q!, result.From, result.Suggestions));
    }
}
