using System.Text.RegularExpressions;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The parts of a division's name the plan writes with a body it serves in brackets (私学・法人課(会津大学),
/// 環境共生課（環境創造センター）): the division itself (私学・法人課), which names it wherever it is typed, and the body
/// (会津大学), which names it only where the question says the body is in charge (会津大学が担当の事業): elsewhere the
/// body is a word of the rows (会津大学と連携した事業).
/// </summary>
internal static partial class DivisionNameParts
{
    [GeneratedRegex(@"^(?<division>[^（(]{2,})[（(](?<body>[^）)]{2,})[）)]$")]
    private static partial Regex Bracketed();

    /// <summary>Each bracketed division's name before its brackets, with the division's full name.</summary>
    public static IEnumerable<(string Part, string Division)> Divisions(IEnumerable<string> divisions) =>
        Parts(divisions, "division");

    /// <summary>Each bracketed division's body, with the division's full name.</summary>
    public static IEnumerable<(string Part, string Division)> Bodies(IEnumerable<string> divisions) =>
        Parts(divisions, "body");

    private static IEnumerable<(string, string)> Parts(IEnumerable<string> divisions, string group) =>
        divisions.Select(d => (Match: Bracketed().Match(d), Division: d)).Where(m => m.Match.Success).Select(m => (m.Match.Groups[group].Value, m.Division));
}
