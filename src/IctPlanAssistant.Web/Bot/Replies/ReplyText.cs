using System.Globalization;
using System.Text;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>Cutting text to a length without splitting a character (surrogate pairs, combining marks).</summary>
public static class ReplyText
{
    /// <summary>
    /// At most <paramref name="max"/> UTF-16 code units (what the channels count), with an ellipsis when cut, never
    /// splitting a character (surrogate pairs, combining marks).
    /// </summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var sb = new StringBuilder(max);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (sb.Length + element.Length > max - 1) break;
            sb.Append(element);
        }
        return sb.ToString().TrimEnd() + "…";
    }

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="max"/> characters that ends at a line break (or a sentence end).</summary>
    public static string CutAtBoundary(string text, int max)
    {
        if (text.Length <= max) return text;
        var head = Truncate(text, max);
        if (head.EndsWith('…')) head = head[..^1];
        var cut = head.LastIndexOf('\n');
        if (cut < max / 2) cut = Math.Max(head.LastIndexOf('。'), head.LastIndexOf(". ", StringComparison.Ordinal));
        return (cut >= max / 2 ? head[..(cut + 1)] : head).TrimEnd() + "…";
    }

    /// <summary>One line: cell text from the plan can hold line breaks; a card title or abstract should not.</summary>
    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
