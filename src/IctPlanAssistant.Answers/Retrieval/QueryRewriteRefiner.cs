using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Retrieval;

/// <summary>
/// When the words of a question found no row, asks the model (the rewrite prompt) for a standalone Japanese
/// search question (a follow-up made whole with the history, English made Japanese) and searches again. A question
/// that found rows is left alone, so the Lucene ranking the evaluation measures stays as it is; the answer keeps
/// the user's question and language.
/// </summary>
public sealed class QueryRewriteRefiner(PromptRunner runner, ILogger<QueryRewriteRefiner> logger) : IRetrievalRefiner
{
    private const int MaxLength = 200;

    public async Task<RetrievalResult> RefineAsync(RetrievalTurn turn, CancellationToken cancellationToken)
    {
        // Nothing found for a year the plan does not report is the answer, not a question to put another way.
        if (!turn.Result.IsEmpty || turn.Result.Interpretation.OtherYear is not null) return turn.Result;
        var reply = await runner.InvokeTextAsync(PromptSpec.Rewrite, new Dictionary<string, string>
        {
            ["history"] = ModelInput.History(turn.History),
            ["question"] = ModelInput.Text(turn.Question),
        }, cancellationToken).ConfigureAwait(false);
        var rewritten = reply.Split('\n').Select(l => l.Trim().Trim('"', '「', '」')).FirstOrDefault(l => l.Length > 0) ?? "";
        if (rewritten.Length == 0 || rewritten.Length > MaxLength || rewritten == turn.Question) return turn.Result;
        var again = turn.RetrieveFor(rewritten);
        logger.LogInformation("Rewrote {Question} as {Rewritten}: {Rows} rows", turn.Question, rewritten, again.Rows.Count);
        if (again.IsEmpty) return turn.Result;
        var original = turn.Result.Interpretation;
        return again with { Interpretation = again.Interpretation with { Question = original.Question, Language = original.Language } };
    }
}
