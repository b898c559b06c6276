namespace IctPlanAssistant.Web.Pages;

/// <summary>
/// The web pages: <c>/</c> (the citizens' chat), <c>/search</c> (the staff search) and <c>/rows/{id}</c> (one row).
/// Each is static HTML whose script (wwwroot/js) reads the HTTP API, so the pages need no build step and every
/// value reaches the page as data, never as markup.
/// </summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Page(SitePage.Chat)).ExcludeFromDescription();
        app.MapGet("/search", () => Page(SitePage.Search)).ExcludeFromDescription();
        app.MapGet("/rows/{id}", (string id) => Page(SitePage.Row)).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(SitePage page) => TypedResults.Content(PageTemplates.Render(page), "text/html; charset=utf-8");
}
