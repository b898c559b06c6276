using Markdig;
using Markdig.Renderers;

namespace IctPlanAssistant.Web.Rendering;

/// <summary>
/// Renders an answer's Markdown to HTML that is safe to insert into a page: raw HTML in the Markdown is written
/// as text, links keep only http(s) and same-site addresses, and citations become chips linking to row pages.
/// An answer may come from a language model that read row text, so nothing in it is trusted.
/// </summary>
public sealed class AnswerHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Use<CitationExtension>()
        .Build();

    /// <summary>
    /// HTML by Markdown string instance: an answer asked again (from the answer cache) carries the same text object,
    /// so it is rendered once; an entry lives as long as its text does.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> _rendered = new();

    public string Render(string markdown) => _rendered.GetValue(markdown, RenderNew);

    private static string RenderNew(string markdown)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = SafeUrl };
        Pipeline.Setup(renderer);
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>javascript:, data: and other schemes become a dead link; a path on this site or http(s) stays.</summary>
    internal static string SafeUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)) return trimmed;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : "#";
    }
}
