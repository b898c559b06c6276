using IctPlanAssistant.Answers.Conversations;

namespace IctPlanAssistant.Answers.Feedback;

/// <summary>What feedback may cost: each record is cut to a bounded size, and the stores keep a bounded number.</summary>
internal static class FeedbackLimits
{
    public const int MaxAnswers = 10_000;
    public const int MaxRecords = 1_000;
    private const int MaxText = 500;
    private const int MaxCitedRows = 50;

    public static AnsweredMessage Bounded(AnsweredMessage answer) =>
        answer with { Question = Cut(answer.Question)!, CitedRows = [.. answer.CitedRows.Take(MaxCitedRows)] };

    public static FeedbackRecord Bounded(FeedbackRecord record) =>
        record with { Comment = Cut(record.Comment), Question = Cut(record.Question)!, CitedRows = [.. record.CitedRows.Take(MaxCitedRows)] };

    /// <summary>The key of the answer sent as a message: the conversation's length first, so no two pairs share a key.</summary>
    public static string AnswerKey(string conversationId, string messageId) =>
        ConversationIds.StoreKey($"{conversationId.Length}:{conversationId}|{messageId}");

    private static string? Cut(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;
}
