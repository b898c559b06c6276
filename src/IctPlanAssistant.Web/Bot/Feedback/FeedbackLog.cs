using System.Diagnostics.Metrics;
using IctPlanAssistant.Answers.Feedback;

namespace IctPlanAssistant.Web.Bot.Feedback;

/// <summary>
/// Teams' feedback loop: the answers the bot sent, kept by message id in the feedback store (memory, or Redis when
/// conversations are there, so a reaction that reaches another host or comes after a restart still finds its
/// question and cited rows), and the reactions that come back: stored, counted on the <c>ictplan.bot.feedback</c>
/// meter (dotnet-counters can read it) and logged, the question and comment at Debug only (they are the user's
/// words). A reaction to a message the bot has no record of is refused, never pinned on another answer.
/// </summary>
public sealed class FeedbackLog(IFeedbackStore store, ILogger<FeedbackLog> logger, TimeProvider time) : IDisposable
{
    public const string MeterName = "IctPlanAssistant.Bot";

    private readonly Meter _meter = new(MeterName);
    private Counter<long>? _counter;

    /// <summary>Remembers an answer sent under the id the channel gave it (an answer with no id, as in expectReplies, cannot be reacted to).</summary>
    public async Task RememberAnswerAsync(string conversationId, string? activityId, string question, IEnumerable<RowId> citedRows, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activityId)) return;
        try
        {
            await store.RememberAnswerAsync(conversationId, activityId, new AnsweredMessage(question, [.. citedRows.Select(r => r.ToString())], time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Feedback store unavailable ({Reason}); answer {Activity} cannot be reacted to", e.Message, activityId);
        }
    }

    /// <summary>The reaction, recorded; null when it is to no answer this bot sent (or the store cannot say).</summary>
    public async Task<FeedbackRecord?> RecordAsync(string conversationId, string? answerActivityId, string reaction, string? comment, CancellationToken cancellationToken)
    {
        AnsweredMessage? answered = null;
        try
        {
            if (!string.IsNullOrEmpty(answerActivityId))
                answered = await store.FindAnswerAsync(conversationId, answerActivityId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Feedback store unavailable ({Reason}); a reaction to {Activity} is not recorded", e.Message, answerActivityId);
            return null;
        }
        if (answered is null)
        {
            logger.LogInformation("Refused feedback on {Activity} in {Conversation}: no answer of this bot has that id", answerActivityId, conversationId);
            return null;
        }

        var normalized = reaction is "like" or "dislike" ? reaction : "other";
        var record = new FeedbackRecord(time.GetUtcNow(), conversationId, answerActivityId!, normalized, comment, answered.Question, answered.CitedRows);
        try
        {
            await store.AddAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Feedback store unavailable ({Reason}); the reaction is only logged", e.Message);
        }
        (_counter ??= _meter.CreateCounter<long>("ictplan.bot.feedback", description: "Reactions to the bot's answers (Teams feedback loop)"))
            .Add(1, new KeyValuePair<string, object?>("reaction", normalized));
        logger.LogInformation("Feedback {Reaction} on answer {Activity} in {Conversation}, citing {CitedRows}", normalized, answerActivityId, conversationId, string.Join(",", record.CitedRows));
        logger.LogDebug("Feedback {Reaction} on answer {Activity}: question {Question}, comment {Comment}", normalized, answerActivityId, record.Question, comment);
        return record;
    }

    /// <summary>The latest reactions, newest last.</summary>
    public Task<IReadOnlyList<FeedbackRecord>> RecentAsync(CancellationToken cancellationToken) => store.RecentAsync(cancellationToken);

    public void Dispose() => _meter.Dispose();
}
