namespace IctPlanAssistant.Text;

/// <summary>
/// Splits a cell that lists organisations (担当課, 部局等名) into names. Spaces separate names, but a PDF wrap
/// also leaves spaces inside a name, so a part joins the next until it ends like an organisation name,
/// and a bracketed part (<c>（環境創造センター）</c>) belongs to the name before it.
/// </summary>
public static class OrganisationNames
{
    private static readonly string[] Suffixes =
    [
        "課", "室", "局", "部", "館", "所", "署", "庁", "班", "係", "院", "校", "会", "団", "等",
        "センター", "グループ", "チーム", "ユニット", "オフィス", "大学",
    ];

    public static IReadOnlyList<string> Split(string cell)
    {
        var names = new List<string>();
        var current = "";
        foreach (var part in JoinWrapsInsideBrackets(CellText.HtmlToText(cell).Split([' ', '\t', '\u3000', '\u00A0', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (IsBracketed(part) && (current.Length > 0 || names.Count > 0))
            {
                if (current.Length > 0) current += part;
                else names[^1] += part;
                continue;
            }
            current += part;
            if (EndsLikeOrganisation(current))
            {
                names.Add(current);
                current = "";
            }
        }
        if (current.Length > 0) names.Add(current);
        return names;
    }

    /// <summary>A space inside brackets is a wrap (<c>（環境創造 センター）</c>): parts join until the bracket closes.</summary>
    private static IEnumerable<string> JoinWrapsInsideBrackets(IEnumerable<string> parts)
    {
        var joined = "";
        var depth = 0;
        foreach (var part in parts)
        {
            joined += part;
            depth += part.Count(c => c is '（' or '(' or '〔' or '[' or '【' or '［') - part.Count(c => c is '）' or ')' or '〕' or ']' or '】' or '］');
            if (depth > 0) continue;
            yield return joined;
            joined = "";
            depth = 0;
        }
        if (joined.Length > 0) yield return joined;
    }

    private static bool IsBracketed(string part) => part[0] is '（' or '(' or '〔' or '[' or '【' or '［';

    private static bool EndsLikeOrganisation(string name)
    {
        var core = name.TrimEnd(')', '）', '〕', ']', '】', '］');
        if (core.Length < name.Length) return true; // a closing bracket ends a name: 私学・法人課(会津大学)
        return Suffixes.Any(s => core.EndsWith(s, StringComparison.Ordinal));
    }
}
