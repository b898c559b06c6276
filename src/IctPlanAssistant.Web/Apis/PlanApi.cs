using IctPlanAssistant.Web.Protection;

namespace IctPlanAssistant.Web.Apis;

/// <summary>Maps the HTTP API of DESIGN.md: /api/ask, /api/search, /api/suggest, /api/rows/{id}, /api/conversations/{id}, /api/readings, /api/glosses, /healthz, and its OpenAPI document at /openapi/v1.json.</summary>
internal static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapAskApi();
        // The search endpoints as they are, within a group that counts them against RateLimiting:Search.
        var search = app.MapGroup("");
        search.MapSearchApi();
        search.RequireRateLimit(RateLimits.Search);
        var suggest = app.MapGroup("");
        suggest.MapSuggestApi();
        suggest.RequireRateLimit(RateLimits.Suggest);
        app.MapRowsApi();
        app.MapConversationsApi();
        app.MapReadingsApi();
        app.MapGlossesApi();
        app.MapHealthApi();
        app.MapOpenApi();
        return app;
    }
}
