using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Search.Querying;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Model;

/// <summary>Asks the model (the followups prompt) what the user may ask next; null when it cannot say.</summary>
public sealed class FollowUpSuggester(PromptRunner runner, ILogger<FollowUpSuggester> logger)
{
    public const int Max = 3;
    private const int MaxLength = 120;

    public async Task<IReadOnlyList<string>?> SuggestAsync(string question, string answer, QueryLanguage language, CancellationToken cancellationToken)
    {
        if (!runner.Options.SuggestFollowUps) return null;
        try
        {
            var text = await runner.InvokeTextAsync(PromptSpec.FollowUps, new Dictionary<string, string>
            {
                ["question"] = ModelInput.Text(question),
                ["answer"] = answer,
                ["language"] = ModelInput.Language(language),
            }, cancellationToken).ConfigureAwait(false);
            var lines = Parse(text);
            return lines.Count > 0 ? lines : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Suggestions are a nicety: without them the answer stands, with the built-in suggestions.
            logger.LogInformation("No follow-up suggestions from the model: {Error}", e.Message);
            return null;
        }
    }

    /// <summary>One question a line, without the numbers or bullets a model adds anyway.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n')
            .Select(l => l.Trim().TrimStart('-', '*', '・', '•', ' ').Trim())
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\d+[.)．、]\s*", ""))
            .Where(l => l.Length is > 1 and <= MaxLength)
            .Distinct()
            .Take(Max)
            .ToList();
}
