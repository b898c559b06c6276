using IctPlanAssistant.Search;

namespace IctPlanAssistant.Web.Apis;

internal static class RowsApi
{
    public static IEndpointRouteBuilder MapRowsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rows/{id}", GetRow)
            .WithName("GetRow")
            .WithSummary("One row by its id (S-N, or plan:S-N in a several-plan index).")
            .Produces<PlanRow>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult GetRow(string id, PlanSearch search)
    {
        if (!RowId.TryParse(id, out var rowId))
            return Results.Problem($"'{id}' is not a row id (S-N, for example 1-2)", statusCode: StatusCodes.Status400BadRequest);
        return search.Get(rowId) is { } row
            ? Results.Ok(row)
            : Results.Problem($"No row {rowId} in the index.", statusCode: StatusCodes.Status404NotFound);
    }
}
