using Microsoft.Extensions.FileProviders;

namespace IctPlanAssistant.Web.Pages;

/// <summary>
/// The web pages: <c>/</c> (the citizens' chat, wwwroot/index.html as the default file), <c>/search</c> (the staff
/// search) and <c>/rows/{id}</c> (one row). Each is a static page whose script reads the HTTP API, so the pages
/// need no build step and every value reaches the page as data, never as markup.
/// </summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", (IWebHostEnvironment env) => Page(env, "search.html")).ExcludeFromDescription();
        app.MapGet("/rows/{id}", (string id, IWebHostEnvironment env) => Page(env, "row.html")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        return info is { Exists: true, PhysicalPath: { } path }
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8", lastModified: info.LastModified)
            : TypedResults.NotFound();
    }
}
