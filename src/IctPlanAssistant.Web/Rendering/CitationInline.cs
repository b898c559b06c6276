using IctPlanAssistant.Answers.Citations;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace IctPlanAssistant.Web.Rendering;

/// <summary>A citation bracket of an answer (<c>[1-2]</c>, <c>[1-2, 3-4]</c>): the rows it cites.</summary>
internal sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<RowId> Rows { get; init; }
}

/// <summary>
/// Reads a citation bracket where Markdown would otherwise see link text. The grammar is the answers' own
/// (<see cref="CitationParser"/>): a bracket is a citation when removing every citation from it leaves nothing.
/// </summary>
internal sealed class CitationInlineParser : InlineParser
{
    // Longer brackets are prose, not citations; the limit keeps the look-ahead cheap.
    private const int MaxBracketLength = 200;

    public CitationInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = text.IndexOf(']', start, Math.Min(MaxBracketLength, slice.End - start + 1));
        if (end < 0) return false;
        // "[1-2](/rows/1-3)" is link text, which the link parser reads.
        if (end + 1 <= slice.End && text[end + 1] is '(' or '[') return false;
        // The bracket holds no ']' before its end, so it is a citation when one citation match covers all of it.
        var rows = CitationParser.WholeBracket(text, start, end - start + 1);
        if (rows.Count == 0) return false;
        processor.Inline = new CitationInline { Rows = rows, Span = new(start, end) };
        slice.Start = end + 1;
        return true;
    }
}

/// <summary>Each cited row as a chip linking to its row page.</summary>
internal sealed class CitationHtmlRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        renderer.Write("<span class=\"cites\">");
        foreach (var id in citation.Rows)
        {
            var text = id.ToString();
            renderer.Write("<a class=\"cite\" href=\"").WriteEscapeUrl("/rows/" + Uri.EscapeDataString(text)).Write("\" data-row=\"");
            renderer.WriteEscape(text).Write("\">[").WriteEscape(text).Write("]</a>");
        }
        renderer.Write("</span>");
    }
}

/// <summary>Adds citation chips to a Markdig pipeline.</summary>
internal sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationHtmlRenderer>())
            html.ObjectRenderers.Insert(0, new CitationHtmlRenderer());
    }
}
