using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Search.Index;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Glosses;

/// <summary>
/// English glosses of row names for the English pages, written by the model (the gloss prompt) and kept per row and
/// index generation: a row is translated once while its generation is served, and a new generation starts afresh.
/// A reply is used only when it looks like a translation (<see cref="IsTranslation"/>); a refused one is not asked
/// again in that generation, a failed call is (the next page asks again).
/// </summary>
public sealed class RowNameGlosser(PromptRunner runner, PlanIndex index, ILogger<RowNameGlosser> logger)
{
    /// <summary>Rows translated in one call at most; a page cites far fewer.</summary>
    public const int MaxRows = 20;

    /// <summary>The longest gloss used: a project name translates to a line, not a paragraph.</summary>
    public const int MaxLength = 160;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _generation;
    private Dictionary<RowId, string?> _glosses = [];

    /// <summary>The gloss of each row that has one; rows past <see cref="MaxRows"/> are left out.</summary>
    public async Task<IReadOnlyDictionary<RowId, string>> GlossAsync(IReadOnlyList<PlanRow> rows, CancellationToken cancellationToken)
    {
        rows = rows.DistinctBy(r => r.Id).Take(MaxRows).ToList();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var generation = index.Generation;
            if (generation != _generation)
            {
                _generation = generation;
                _glosses = [];
            }
            var missing = rows.Where(r => !_glosses.ContainsKey(r.Id)).ToList();
            if (missing.Count > 0) await TranslateAsync(missing, cancellationToken).ConfigureAwait(false);
            return rows.Where(r => _glosses.GetValueOrDefault(r.Id) is not null).ToDictionary(r => r.Id, r => _glosses[r.Id]!);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TranslateAsync(IReadOnlyList<PlanRow> rows, CancellationToken cancellationToken)
    {
        string reply;
        try
        {
            var names = string.Join('\n', rows.Select(r => $"{r.Id}\t{r.Name.ReplaceLineEndings(" ")}"));
            reply = await runner.InvokeTextAsync(PromptSpec.Gloss, new Dictionary<string, string> { ["names"] = names }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("No English glosses from the model: {Error}", e.Message);
            return;
        }
        var byId = Parse(reply);
        foreach (var row in rows)
        {
            var gloss = byId.GetValueOrDefault(row.Id.ToString());
            _glosses[row.Id] = gloss is not null && IsTranslation(gloss) ? gloss : null;
            if (_glosses[row.Id] is null) logger.LogInformation("No usable English gloss for {Row}: {Reply}", row.Id, gloss ?? "(none)");
        }
    }

    /// <summary>"id TAB gloss" lines (a colon or spaces after the id are taken too: models vary).</summary>
    internal static Dictionary<string, string> Parse(string reply)
    {
        var glosses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in reply.Split('\n'))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line.Trim(), @"^\[?(?<id>[\w.:-]+)\]?\s*(?:\t|:|\s)\s*(?<gloss>.+)$");
            if (match.Success) glosses.TryAdd(match.Groups["id"].Value, match.Groups["gloss"].Value.Trim().Trim('"', '“', '”'));
        }
        return glosses;
    }

    /// <summary>Looks like an English name: not empty, not too long, one line, and no Japanese left in it.</summary>
    public static bool IsTranslation(string gloss) =>
        gloss.Trim().Length is > 0 and <= MaxLength
        && gloss.Any(char.IsAsciiLetter)
        && !gloss.Any(c => c is '\n' or '\r' || IsJapanese(c));

    private static bool IsJapanese(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF66' and <= '\uFF9F') or '々';
}
