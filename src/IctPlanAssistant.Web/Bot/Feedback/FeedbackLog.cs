using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IctPlanAssistant.Web.Bot.Feedback;

/// <summary>A user's thumbs up or down on an answer, with what was asked and which rows the answer cited.</summary>
public sealed record FeedbackRecord(
    DateTimeOffset At,
    string ConversationId,
    string? AnswerActivityId,
    string Reaction,
    string? Comment,
    string? Question,
    IReadOnlyList<string> CitedRows);

/// <summary>
/// Teams' feedback loop: the answers the bot sent (so a reaction can be tied to its question and cited rows), and the
/// reactions that came back: logged, counted on the <c>ictplan.bot.feedback</c> meter (dotnet-counters can read it),
/// and totalled here. Memory is bounded: the oldest answers and records are forgotten first.
/// </summary>
public sealed class FeedbackLog(ILogger<FeedbackLog> logger, TimeProvider time) : IDisposable
{
    public const string MeterName = "IctPlanAssistant.Bot";
    private const int MaxRemembered = 10_000;
    private const int MaxRecords = 1_000;

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<string, AnsweredTurn> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _answerOrder = new();
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();
    private Counter<long>? _counter;
    private long _likes, _dislikes;

    private sealed record AnsweredTurn(string Question, IReadOnlyList<string> CitedRows);

    public long Likes => Interlocked.Read(ref _likes);

    public long Dislikes => Interlocked.Read(ref _dislikes);

    public IReadOnlyList<FeedbackRecord> Recent => [.. _records];

    /// <summary>Remembers an answer sent, under the id the channel gave it and as the conversation's latest.</summary>
    public void RememberAnswer(string conversationId, string? activityId, string question, IEnumerable<RowId> citedRows)
    {
        var turn = new AnsweredTurn(question, citedRows.Select(r => r.ToString()).ToList());
        if (!string.IsNullOrEmpty(activityId)) Remember(Key(conversationId, activityId), turn);
        Remember(Key(conversationId, null), turn);
    }

    public FeedbackRecord Record(string conversationId, string? answerActivityId, string reaction, string? comment)
    {
        // The reaction names the message it is on; without that id (expectReplies), the conversation's latest answer.
        var answered = (answerActivityId is { Length: > 0 } && _answers.TryGetValue(Key(conversationId, answerActivityId), out var exact) ? exact : null)
            ?? (_answers.TryGetValue(Key(conversationId, null), out var latest) ? latest : null);
        var normalized = reaction is "like" or "dislike" ? reaction : "other";
        var record = new FeedbackRecord(time.GetUtcNow(), conversationId, answerActivityId, normalized, comment, answered?.Question, answered?.CitedRows ?? []);

        _records.Enqueue(record);
        while (_records.Count > MaxRecords && _records.TryDequeue(out _)) { }
        if (normalized == "like") Interlocked.Increment(ref _likes);
        if (normalized == "dislike") Interlocked.Increment(ref _dislikes);
        (_counter ??= _meter.CreateCounter<long>("ictplan.bot.feedback", description: "Reactions to the bot's answers (Teams feedback loop)"))
            .Add(1, new KeyValuePair<string, object?>("reaction", normalized));
        logger.LogInformation("Feedback {Reaction} on answer {Activity} in {Conversation}: question {Question}, cited {CitedRows}, comment {Comment}",
            normalized, answerActivityId, conversationId, record.Question, string.Join(",", record.CitedRows), comment);
        return record;
    }

    public void Dispose() => _meter.Dispose();

    private void Remember(string key, AnsweredTurn turn)
    {
        if (_answers.TryAdd(key, turn)) _answerOrder.Enqueue(key);
        else _answers[key] = turn;
        while (_answers.Count > MaxRemembered && _answerOrder.TryDequeue(out var oldest)) _answers.TryRemove(oldest, out _);
    }

    private static string Key(string conversationId, string? activityId) => conversationId + "\n" + (activityId ?? "");
}
