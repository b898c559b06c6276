using IctPlanAssistant.Search.Index;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IctPlanAssistant.Web.Apis;

/// <summary>
/// GET /healthz: the served index (readiness) and, as <c>problems</c>, whatever the health checks find degraded
/// (a damaged index generation, failing bot credentials) while the host still serves; GET /livez: the process answers (liveness).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health).WithName("Health").WithSummary("Readiness: the served index, and what is degraded.");
        // A constant answer that touches nothing: a liveness probe, and the ceiling of the HTTP stack in load tests.
        app.MapGet("/livez", () => Results.Text("ok")).WithName("Live").WithSummary("Liveness: the process answers.");
        return app;
    }

    private static async Task<IResult> Health(PlanIndex index, HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var problems = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).OfType<string>().ToList();
        try
        {
            using var snapshot = index.Acquire();
            return Results.Ok(new
            {
                status = problems.Count == 0 ? "ok" : "degraded",
                rows = snapshot.Reader.NumDocs,
                generation = Path.GetFileName(snapshot.Generation),
                indexedAt = snapshot.Manifest?.CreatedUtc,
                problems,
            });
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return Results.Problem("The index is not available.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>
/// Degraded while the published index generation is damaged and an earlier one is served in its place. The public
/// answer names the generations; what is wrong (file paths, checksums) goes to the log, once per damaged generation.
/// </summary>
internal sealed class IndexHealthCheck(PlanIndex index, ILogger<IndexHealthCheck> logger) : IHealthCheck
{
    private IndexDamage? _logged;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (index.Damage is not { } damage) return Task.FromResult(HealthCheckResult.Healthy());
        if (Interlocked.Exchange(ref _logged, damage) != damage)
            logger.LogError("Index generation {Generation} is damaged and is not served: {Reason}", damage.Generation, damage.Reason);
        return Task.FromResult(HealthCheckResult.Degraded(
            $"index generation {Path.GetFileName(damage.Generation)} is damaged (found {damage.DetectedUtc:u}); serving {Path.GetFileName(index.Generation)}"));
    }
}
