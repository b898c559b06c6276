using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Text;

/// <summary>
/// Cleans one table cell of a plan converted from PDF: HTML lists and paragraphs become lines,
/// and the spaces the PDF left where it wrapped a line inside Japanese text are removed.
/// </summary>
public static partial class CellText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "br", "tr", "table", "dd", "dt", "dl", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "article",
    };

    /// <summary>Cleans a text cell: plain text, one HTML item or paragraph per line, wrap spaces removed.</summary>
    public static string Clean(string cell)
    {
        var text = cell.Contains('<') || cell.Contains('&') ? HtmlToText(cell) : cell;
        var lines = text.Split('\n')
            .Select(RemoveWrapSpaces)
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Turns cell HTML into text: block elements end a line, other tags vanish, entities are decoded.</summary>
    public static string HtmlToText(string html)
    {
        var withoutCode = ScriptOrStyle().Replace(html, " ");
        withoutCode = Comment().Replace(withoutCode, " ");
        var text = Tag().Replace(withoutCode, m => BlockTags.Contains(m.Groups["name"].Value) ? "\n" : "");
        return WebUtility.HtmlDecode(text);
    }

    /// <summary>
    /// Removes single spaces that a PDF line wrap left inside Japanese text (<c>福の しま</c> → <c>福のしま</c>),
    /// keeps spaces between Latin words and runs of two or more spaces (a deliberate separator) as one space.
    /// </summary>
    public static string RemoveWrapSpaces(string line)
    {
        var sb = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            if (!IsSpace(line[i]))
            {
                sb.Append(line[i++]);
                continue;
            }
            var start = i;
            while (i < line.Length && IsSpace(line[i])) i++;
            if (sb.Length == 0 || i >= line.Length) continue; // leading or trailing
            var run = i - start;
            var prev = PreviousCodePoint(sb);
            var next = JapaneseCharacters.CodePointAt(line, i);
            if (run == 1 && line[start] != '\u3000' && IsWrap(prev, next) && !(EndsWithCount(sb) && Rune.IsLetterOrDigit(new Rune(next)))) continue;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    private static bool IsWrap(int prev, int next)
    {
        var jPrev = JapaneseCharacters.IsJapanese(prev);
        var jNext = JapaneseCharacters.IsJapanese(next);
        if (jPrev && jNext) return true;
        if (jPrev) return JapaneseCharacters.IsAsciiLetterOrDigit(next) || next is '(' or '[';
        if (!jNext) return false;
        // A Latin word or a closing bracket glued to the next Japanese word; a number only to its counter.
        if (prev < 0x80 && char.IsAsciiLetter((char)prev)) return true;
        if (prev is ')' or ']') return true;
        return prev < 0x80 && char.IsAsciiDigit((char)prev) && JapaneseCharacters.IsCounter(next);
    }

    /// <summary>A figure with its counter (<c>1,923台</c>, <c>713件</c>) ends an item; the space after it separates items.</summary>
    private static bool EndsWithCount(StringBuilder sb)
    {
        var i = sb.Length - 1;
        var counters = 0;
        while (i >= 0 && counters < 3 && JapaneseCharacters.IsCounter(sb[i])) { i--; counters++; }
        return counters > 0 && i >= 0 && char.IsAsciiDigit(sb[i]);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000' or '\r';

    private static int PreviousCodePoint(StringBuilder sb)
    {
        var last = sb[^1];
        return char.IsLowSurrogate(last) && sb.Length > 1 ? char.ConvertToUtf32(sb[^2], last) : last;
    }

    [GeneratedRegex(@"<(?<name>script|style)\b[^>]*>.*?</\k<name>\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"</?(?<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")]
    private static partial Regex Tag();
}
