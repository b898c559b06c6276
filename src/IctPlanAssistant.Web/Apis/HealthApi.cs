using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Web.Apis;

/// <summary>GET /healthz: whether the index is open and what it holds (readiness); GET /livez: the process answers (liveness).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithName("Health").WithSummary("Readiness: the served index.");
        // A constant answer that touches nothing: a liveness probe, and the ceiling of the HTTP stack in load tests.
        app.MapGet("/livez", () => Results.Text("ok")).WithName("Live").WithSummary("Liveness: the process answers.");
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
