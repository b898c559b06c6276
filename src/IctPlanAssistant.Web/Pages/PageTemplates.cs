using System.Collections.Concurrent;
using System.Reflection;

namespace IctPlanAssistant.Web.Pages;

/// <summary>A page of the site: its template, its title before the script localises it, its script, its menu entry.</summary>
internal sealed record SitePage(string Template, string Title, string Script, string? Menu)
{
    public static SitePage Chat { get; } = new("chat", "ICTアクションプランに質問する", "chat", "chat");

    public static SitePage Search { get; } = new("search", "事業検索（職員向け）", "search", "search");

    public static SitePage Row { get; } = new("row", "事業の詳細", "row", null);
}

/// <summary>
/// One layout (head, header, menu) around each page's main element, so the pages share one header. The
/// templates (Pages/Templates, embedded) hold no request data: a page is composed once and served as it is.
/// </summary>
internal static class PageTemplates
{
    private static readonly ConcurrentDictionary<SitePage, string> Rendered = new();

    public static string Render(SitePage page) => Rendered.GetOrAdd(page, Compose);

    private static string Compose(SitePage page) => Read("layout")
        .Replace("{{title}}", page.Title, StringComparison.Ordinal)
        .Replace("{{script}}", page.Script, StringComparison.Ordinal)
        .Replace("{{current:chat}}", page.Menu == "chat" ? " aria-current=\"page\"" : "", StringComparison.Ordinal)
        .Replace("{{current:search}}", page.Menu == "search" ? " aria-current=\"page\"" : "", StringComparison.Ordinal)
        .Replace("{{main}}", Read(page.Template), StringComparison.Ordinal);

    private static string Read(string template)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Pages.{template}.html")
            ?? throw new InvalidOperationException($"The page template {template}.html is not embedded in the web host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
