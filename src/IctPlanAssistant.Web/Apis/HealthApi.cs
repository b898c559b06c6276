using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Web.Apis;

/// <summary>GET /healthz: whether the index is open and what it holds.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithName("Health").WithSummary("Liveness and the served index.");
        return app;
    }

    private static IResult Health(PlanIndex index)
    {
        try
        {
            using var snapshot = index.Acquire();
            return Results.Ok(new
            {
                status = "ok",
                rows = snapshot.Reader.NumDocs,
                generation = Path.GetFileName(snapshot.Generation),
                indexedAt = snapshot.Manifest?.CreatedUtc,
            });
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return Results.Problem("The index is not available.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
