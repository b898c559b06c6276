using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>The columns a snippet may come from (the <see cref="Snippet.Field"/> values).</summary>
public static class SnippetFields
{
    public const string Name = "name";
    public const string Summary = "summary";
    public const string Results = "results";
    public const string Achievement = "achievement";
}

/// <summary>
/// Marks the words of a query in a row's name, summary, results and achievement (Lucene.Net.Highlighter over the
/// Japanese-analysed fields). Where the words matched only through the bigram companion (a compound written otherwise
/// than MeCab cuts it), the spellings themselves are marked where they stand: the bigrams' single pairs would mark
/// pieces of other words (ネ|ット|ワーク for タブレット).
/// </summary>
public sealed class SnippetHighlighter(Analyzer analyzer, int radius = 40)
{
    // Each shown column, with the index field whose query terms it is marked by.
    private static readonly (string Column, string Text, Func<PlanRow, string> Value)[] Fields =
    [
        (SnippetFields.Name, PlanFields.NameText, r => r.Name),
        (SnippetFields.Summary, PlanFields.BodyText, r => r.Summary),
        (SnippetFields.Results, PlanFields.BodyText, r => r.Results),
        (SnippetFields.Achievement, PlanFields.BodyText, r => r.Achievement),
    ];

    /// <summary>Snippets of the fields where the query matched; empty when it matched none of them (a filter-only query).</summary>
    public IReadOnlyList<Snippet> Highlight(Query query, IReadOnlyList<string> spellings, PlanRow row)
    {
        var snippets = new List<Snippet>();
        foreach (var (column, textField, value) in Fields)
        {
            var text = value(row);
            if (text.Length == 0) continue;
            var marked = Best(query, textField, text) ?? Literal(spellings, text);
            if (marked is not null) snippets.Add(new Snippet(column, marked));
        }
        return snippets;
    }

    /// <summary>The text with every occurrence of the spellings marked (width and case folded), windowed; null when none occurs.</summary>
    private string? Literal(IReadOnlyList<string> spellings, string text)
    {
        var folded = text.ToNfkc().ToLowerInvariant();
        if (folded.Length != text.Length) return null; // folding changed the length: positions would not line up
        var marks = new bool[text.Length];
        foreach (var spelling in spellings)
        {
            var word = spelling.ToNfkc().ToLowerInvariant();
            if (word.Length < 2) continue;
            for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                for (var i = at; i < at + word.Length; i++) marks[i] = true;
            }
        }
        if (!marks.Contains(true)) return null;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (marks[i] && (i == 0 || !marks[i - 1])) sb.Append(Snippet.Open);
            sb.Append(text[i]);
            if (marks[i] && (i == text.Length - 1 || !marks[i + 1])) sb.Append(Snippet.Close);
        }
        return Window(sb.ToString());
    }

    private string? Best(Query query, string field, string text)
    {
        // QueryTermScorer marks the query's terms; QueryScorer would also check phrase positions, building an
        // in-memory index per field and row, which cost more than the search itself.
        var highlighter = new Highlighter(new MarkFormatter(), new QueryTermScorer(query, field))
        {
            TextFragmenter = new NullFragmenter(), // the whole field, then a window around the first match
        };
        using var tokens = analyzer.GetTokenStream(field, text);
        var marked = highlighter.GetBestFragment(tokens, text)?.Replace($"{Snippet.Close}{Snippet.Open}", ""); // タブレット|端末 is one mark
        return marked is null || !marked.Contains(Snippet.Open) ? null : Window(marked);
    }

    /// <summary>About <c>radius</c> characters either side of the first match, cut at a sentence or line end where one is near.</summary>
    private string Window(string marked)
    {
        var first = marked.IndexOf(Snippet.Open);
        var start = Math.Max(0, first - radius);
        var end = Math.Min(marked.Length, marked.IndexOf(Snippet.Close, first) + 1 + radius);
        var sentence = marked.LastIndexOfAny(['。', '\n'], Math.Max(0, first - 1));
        if (sentence >= start) start = sentence + 1;
        // Never cut inside a mark: move the end past a close mark that follows an open one.
        var lastOpen = marked.LastIndexOf(Snippet.Open, Math.Max(0, end - 1));
        if (lastOpen >= start && marked.IndexOf(Snippet.Close, lastOpen) is var close and >= 0 && close >= end) end = close + 1;
        var window = marked[start..end].Trim();
        return (start > 0 ? "…" : "") + window + (end < marked.Length ? "…" : "");
    }

    private sealed class MarkFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? $"{Snippet.Open}{originalText}{Snippet.Close}" : originalText;
    }
}
