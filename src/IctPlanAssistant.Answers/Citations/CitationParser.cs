using System.Text.RegularExpressions;

namespace IctPlanAssistant.Answers.Citations;

/// <summary>Finds the <c>[S-N]</c> citations of an answer (also <c>[S-N, S-N]</c> and <c>[plan:S-N]</c>).</summary>
public static partial class CitationParser
{
    /// <summary>The cited ids in order of first mention, each once.</summary>
    public static IReadOnlyList<RowId> Extract(string text)
    {
        var ids = new List<RowId>();
        foreach (Match bracket in Bracket().Matches(text)) AddIds(bracket, ids);
        return ids;
    }

    /// <summary>
    /// The ids of <paramref name="text"/>'s <paramref name="length"/> characters from <paramref name="start"/> when they
    /// are one citation bracket and nothing else (in order of first mention, each once); none otherwise. For a bracket
    /// that holds no other <c>]</c> this is <see cref="Extract"/> of what <see cref="Rewrite"/> empties, in one match
    /// and without copying the bracket out.
    /// </summary>
    public static IReadOnlyList<RowId> WholeBracket(string text, int start, int length)
    {
        var bracket = Bracket().Match(text, start, length);
        if (!bracket.Success || bracket.Index != start || bracket.Length != length) return [];
        var ids = new List<RowId>();
        AddIds(bracket, ids);
        return ids;
    }

    private static void AddIds(Match bracket, List<RowId> ids)
    {
        foreach (Capture capture in bracket.Groups["id"].Captures)
        {
            if (RowId.TryParse(capture.Value, out var id) && !ids.Contains(id)) ids.Add(id);
        }
    }

    /// <summary>Every citation bracket with its ids, for rewriting (removing a citation the answer may not make).</summary>
    public static string Rewrite(string text, Func<RowId, bool> keep)
    {
        return Bracket().Replace(text, m =>
        {
            var kept = m.Groups["id"].Captures
                .Select(c => RowId.TryParse(c.Value, out var id) ? id : (RowId?)null)
                .Where(id => id is { } value && keep(value))
                .Select(id => id!.Value.ToString())
                .ToList();
            return kept.Count == 0 ? "" : "[" + string.Join(", ", kept) + "]";
        });
    }

    /// <summary>Replaces every citation bracket with what <paramref name="replacement"/> makes of its ids (a channel's own citation markers).</summary>
    public static string ReplaceBrackets(string text, Func<IReadOnlyList<RowId>, string> replacement) =>
        Bracket().Replace(text, m => replacement(m.Groups["id"].Captures
            .Select(c => RowId.TryParse(c.Value, out var id) ? id : (RowId?)null)
            .OfType<RowId>()
            .ToList()));

    [GeneratedRegex(@"\[\s*(?<id>(?:[\w.\-]+:)?\d{1,3}-\d{1,5})(?:\s*[,、，]\s*(?<id>(?:[\w.\-]+:)?\d{1,3}-\d{1,5}))*\s*\]")]
    private static partial Regex Bracket();
}
