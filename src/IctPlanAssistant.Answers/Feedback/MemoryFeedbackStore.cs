using IctPlanAssistant.Answers.Conversations;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Feedback;

/// <summary>Feedback in process memory: for one host (several share Redis), the oldest forgotten first, nothing kept past the retention.</summary>
public sealed class MemoryFeedbackStore(IOptions<ConversationOptions> options, TimeProvider? clock = null) : IFeedbackStore
{
    private readonly TimeSpan _retention = options.Value.FeedbackRetention;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, AnsweredMessage> _answers = [];
    private readonly Queue<string> _answerOrder = [];
    private readonly Queue<FeedbackRecord> _records = [];
    private readonly Lock _gate = new();

    public Task RememberAnswerAsync(string conversationId, string messageId, AnsweredMessage answer, CancellationToken cancellationToken)
    {
        var key = FeedbackLimits.AnswerKey(conversationId, messageId);
        lock (_gate)
        {
            if (_answers.TryAdd(key, FeedbackLimits.Bounded(answer))) _answerOrder.Enqueue(key);
            while (_answerOrder.TryPeek(out var oldest) && (_answers.Count > FeedbackLimits.MaxAnswers || Expired(_answers[oldest].At)))
                _answers.Remove(_answerOrder.Dequeue());
        }
        return Task.CompletedTask;
    }

    public Task<AnsweredMessage?> FindAnswerAsync(string conversationId, string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_answers.TryGetValue(FeedbackLimits.AnswerKey(conversationId, messageId), out var answer) && !Expired(answer.At) ? answer : null);
        }
    }

    public Task AddAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Enqueue(FeedbackLimits.Bounded(record));
            while (_records.TryPeek(out var oldest) && (_records.Count > FeedbackLimits.MaxRecords || Expired(oldest.At))) _records.Dequeue();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> RecentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<FeedbackRecord>>([.. _records.Where(r => !Expired(r.At))]);
        }
    }

    private bool Expired(DateTimeOffset at) => _clock.GetUtcNow() - at > _retention;
}
