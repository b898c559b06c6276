using System.Text.Json;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IctPlanAssistant.Answers.Feedback;

/// <summary>
/// Feedback in Redis, shared by every host: each answer sent under its own key (expiring after the retention), the
/// reactions in one list trimmed to the latest. A value this version cannot read is left out.
/// </summary>
public sealed class RedisFeedbackStore(IConnectionMultiplexer redis, IOptions<ConversationOptions> options) : IFeedbackStore
{
    public const string AnswerPrefix = "ictplan:answer:";
    public const string RecordsKey = "ictplan:feedback";

    private readonly TimeSpan _retention = options.Value.FeedbackRetention;

    public Task RememberAnswerAsync(string conversationId, string messageId, AnsweredMessage answer, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(AnswerPrefix + FeedbackLimits.AnswerKey(conversationId, messageId), PlanJson.Serialize(FeedbackLimits.Bounded(answer)), _retention);

    public async Task<AnsweredMessage?> FindAnswerAsync(string conversationId, string messageId, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(AnswerPrefix + FeedbackLimits.AnswerKey(conversationId, messageId)).ConfigureAwait(false);
        return value.HasValue ? Read<AnsweredMessage>(value.ToString()) : null;
    }

    public async Task AddAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.ListRightPushAsync(RecordsKey, PlanJson.Serialize(FeedbackLimits.Bounded(record)));
        _ = transaction.ListTrimAsync(RecordsKey, -FeedbackLimits.MaxRecords, -1);
        _ = transaction.KeyExpireAsync(RecordsKey, _retention);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> RecentAsync(CancellationToken cancellationToken)
    {
        var values = await redis.GetDatabase().ListRangeAsync(RecordsKey).ConfigureAwait(false);
        return values.Select(v => Read<FeedbackRecord>(v.ToString())).OfType<FeedbackRecord>().ToList();
    }

    private static T? Read<T>(string json) where T : class
    {
        try
        {
            return PlanJson.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
