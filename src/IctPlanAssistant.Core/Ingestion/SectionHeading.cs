using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Ingestion;

/// <summary>Recognises a section (柱) heading such as <c>1 復興への取組</c>, <c>第2 産業振興</c>, <c>３．安全・安心</c>.</summary>
public static partial class SectionHeading
{
    public static bool TryParse(string line, out int number, out string title)
    {
        number = 0;
        title = "";
        var text = Markup().Replace(line.ToNfkc(), "").Trim();
        var m = Numbered().Match(text);
        if (!m.Success) return false;
        title = CellText.RemoveWrapSpaces(m.Groups["title"].Value.Trim());
        if (title.Length == 0 || title.EndsWith('。') || title.Contains('\t')) return false;
        number = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return number > 0;
    }

    /// <summary>The text of a Markdown heading line without its markers and escapes.</summary>
    public static string StripMarkdown(string line) =>
        Markup().Replace(line, "").Replace("\\", "").Trim();

    [GeneratedRegex(@"^(?:第\s*)?(?<n>\d{1,2})\s*(?:[.、):]\s*|\s+|柱\s*)(?<title>[^\d\s.,].{0,59})$")]
    private static partial Regex Numbered();

    // Emphasis, ATX and blockquote markers, a closing sequence. Emphasis comes first: the line-start
    // alternative also matches the empty string, and would otherwise shadow a '**' that opens the line.
    [GeneratedRegex(@"\*\*|__|^\s{0,3}(?:>\s*)*(?:#{1,6}(?=\s|$))?|\s+#+\s*$")]
    private static partial Regex Markup();
}
