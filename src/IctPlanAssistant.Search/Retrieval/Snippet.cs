using System.Net;
using System.Text;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A passage of a row field with the matched words marked. The marks are private-use characters, so each channel
/// renders them its own way (HTML &lt;mark&gt;, Markdown bold, terminal brackets) after escaping the text.
/// </summary>
public sealed record Snippet(string Field, string Marked)
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    public string ToPlainText() => Marked.Replace(Open.ToString(), "").Replace(Close.ToString(), "");

    /// <summary>The passage as HTML: text escaped, matches in &lt;mark&gt;.</summary>
    public string ToHtml() => Render(WebUtility.HtmlEncode, "<mark>", "</mark>");

    /// <summary>The passage with matches wrapped in the given strings (text not escaped).</summary>
    public string Render(Func<string, string> encode, string open, string close)
    {
        var sb = new StringBuilder(Marked.Length + 16);
        var start = 0;
        for (var i = 0; i <= Marked.Length; i++)
        {
            if (i < Marked.Length && Marked[i] is not (Open or Close)) continue;
            sb.Append(encode(Marked[start..i]));
            if (i < Marked.Length) sb.Append(Marked[i] == Open ? open : close);
            start = i + 1;
        }
        return sb.ToString();
    }
}
