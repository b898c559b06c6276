using System.Collections.Concurrent;
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
        .Use<SafeLinkExtension>()
        .Build();

    /// <summary>Beyond this many answers the memo starts again (the answer cache keeps 1,000 by default).</summary>
    private const int MaxRendered = 1024;

    /// <summary>
    /// HTML by Markdown string instance: an answer asked again (from the answer cache) carries the same text object,
    /// so it is rendered once; a new answer, even with the same text, is rendered anew. A bounded table by reference,
    /// not a ConditionalWeakTable: with the answer cache off every answer is a new string, and the weak table's
    /// dependent handles (one per answer until a collection frees it) and its containers' finalizers cost the
    /// garbage collector more than the rendering the table saves (docs/benchmarks.md, issue 11). With the answer cache
    /// off it never hits, and skipping it then was tried and undone: the smaller heap made the server GC's adaptation
    /// (DATAS) give gen0 a smaller budget, and uncached answers were collected after half as many again (item 2, third round).
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _rendered = new(ReferenceEqualityComparer.Instance);
    private int _added;

    public string Render(string markdown)
    {
        if (_rendered.TryGetValue(markdown, out var html)) return html;
        html = RenderNew(markdown);
        // Counted here: ConcurrentDictionary.Count takes every lock of the table.
        if (Interlocked.Increment(ref _added) > MaxRendered)
        {
            _rendered.Clear();
            Interlocked.Exchange(ref _added, 0);
        }
        _rendered.TryAdd(markdown, html);
        return html;
    }

    // Markdig's own renderers, kept and reused by the pipeline (set up once each, links made safe by SafeLinkExtension):
    // a renderer built and set up per answer was a third of the rendering.
    private static string RenderNew(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Makes every renderer of the pipeline write links through <see cref="SafeUrl"/>.</summary>
    private sealed class SafeLinkExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html) html.LinkRewriter = SafeUrl;
        }
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
