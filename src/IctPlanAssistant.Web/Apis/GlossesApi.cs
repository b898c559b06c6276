using IctPlanAssistant.Answers.Glosses;
using IctPlanAssistant.Search;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The answer of GET /api/glosses: an English gloss by row id, for the rows that have one.</summary>
public sealed record GlossesApiResponse(IReadOnlyDictionary<string, string> Glosses);

/// <summary>
/// GET /api/glosses?ids=1-2,3-8: English glosses of the rows' Japanese names for the English pages, from the AI
/// service when one is configured (<see cref="RowNameGlosser"/>); without one, none, and the pages show the names only.
/// </summary>
internal static class GlossesApi
{
    public static IEndpointRouteBuilder MapGlossesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/glosses", GlossAsync)
            .WithName("Glosses")
            .WithSummary($"English glosses of up to {RowNameGlosser.MaxRows} rows' names (empty without an AI service).")
            .Produces<GlossesApiResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GlossAsync(string? ids, PlanSearch search, IServiceProvider services, CancellationToken cancellationToken)
    {
        var parts = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > RowNameGlosser.MaxRows)
            return TypedResults.Problem($"at most {RowNameGlosser.MaxRows} ids", statusCode: StatusCodes.Status400BadRequest, title: "Too many rows");
        var rowIds = new List<RowId>();
        foreach (var part in parts)
        {
            if (!RowId.TryParse(part, out var id))
                return TypedResults.Problem($"'{part}' is not a row id (S-N, for example 1-2)", statusCode: StatusCodes.Status400BadRequest, title: "Not a row id");
            rowIds.Add(id);
        }
        if (services.GetService<RowNameGlosser>() is not { } glosser || rowIds.Count == 0)
            return TypedResults.Ok(new GlossesApiResponse(new Dictionary<string, string>()));
        var rows = rowIds.Select(search.Get).OfType<PlanRow>().ToList();
        var glosses = await glosser.GlossAsync(rows, cancellationToken);
        return TypedResults.Ok(new GlossesApiResponse(glosses.ToDictionary(g => g.Key.ToString(), g => g.Value)));
    }
}
