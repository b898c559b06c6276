namespace IctPlanAssistant.Answers.Feedback;

/// <summary>An answer as a channel delivered it: what a reaction to that message judges.</summary>
public sealed record AnsweredMessage(string Question, IReadOnlyList<string> CitedRows, DateTimeOffset At);

/// <summary>A user's thumbs up or down on an answer, with what was asked and which rows the answer cited.</summary>
public sealed record FeedbackRecord(
    DateTimeOffset At,
    string ConversationId,
    string AnswerActivityId,
    string Reaction,
    string? Comment,
    string Question,
    IReadOnlyList<string> CitedRows);

/// <summary>
/// Where feedback is kept: the answers sent (by conversation and message id, so a reaction on any host finds its
/// question and cited rows) and the reactions that came back; in process memory or in Redis, as conversations are
/// (<c>Conversations:Store</c>), for <c>Conversations:FeedbackRetention</c>.
/// </summary>
public interface IFeedbackStore
{
    Task RememberAnswerAsync(string conversationId, string messageId, AnsweredMessage answer, CancellationToken cancellationToken);

    /// <summary>The answer sent as that message, or null when no host sent it (or it is older than the retention).</summary>
    Task<AnsweredMessage?> FindAnswerAsync(string conversationId, string messageId, CancellationToken cancellationToken);

    Task AddAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>The latest reactions, newest last.</summary>
    Task<IReadOnlyList<FeedbackRecord>> RecentAsync(CancellationToken cancellationToken);
}
