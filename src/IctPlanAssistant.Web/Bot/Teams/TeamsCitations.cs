using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Citations;
using IctPlanAssistant.Bot.Teams;
using IctPlanAssistant.Web.Bot.Replies;

namespace IctPlanAssistant.Web.Bot.Teams;

/// <summary>
/// An answer's <c>[S-N]</c> citations as Teams shows them natively: numbered <c>[n]</c> markers in the text, and a
/// claim per cited row (position n, the row id and name as the title, the summary as the abstract) that Teams
/// renders as a hover card and a reference list.
/// </summary>
public static class TeamsCitations
{
    /// <summary>Teams shows at most this many citations on a message.</summary>
    public const int MaxCitations = 20;

    public static (string Text, IReadOnlyList<CitationClaim> Claims) Apply(Answer answer, Func<RowId, string?> rowUrl)
    {
        var rows = answer.CitedRows.Take(MaxCitations).ToList();
        var positions = rows.Select((row, i) => (row.Id, Position: i + 1)).ToDictionary(p => p.Id, p => p.Position);
        // A bracket citing several rows becomes adjacent markers: [1-2, 3-8] → [1][2]. A row past the 20th keeps its [S-N].
        var text = CitationParser.ReplaceBrackets(answer.Text, ids => string.Concat(ids.Select(id =>
            positions.TryGetValue(id, out var n) ? $"[{n}]" : $"[{id}]")));
        var claims = rows.Select((row, i) => new CitationClaim(i + 1, Appearance(row, rowUrl(row.Id)))).ToList();
        return (text, claims);
    }

    private static CitationAppearance Appearance(PlanRow row, string? url)
    {
        var name = ReplyText.Truncate(ReplyText.OneLine($"[{row.Id}] {row.Name}"), CitationAppearance.MaxNameLength);
        var summary = ReplyText.OneLine(string.IsNullOrWhiteSpace(row.Summary) ? row.Name : row.Summary);
        var keywords = new[] { row.Department }.Concat(row.Divisions)
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => ReplyText.Truncate(ReplyText.OneLine(k), CitationAppearance.MaxKeywordLength))
            .Distinct()
            .Take(CitationAppearance.MaxKeywords)
            .ToList();
        return new CitationAppearance(name, ReplyText.Truncate(summary, CitationAppearance.MaxAbstractLength), url, keywords.Count > 0 ? keywords : null);
    }
}
