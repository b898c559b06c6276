using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// Conversations in Redis, shared by every host behind a load balancer: a list of turns in their stored form
/// (<see cref="StoredTurn"/>: versioned, at most <see cref="ConversationOptions.MaxTurnBytes"/> each) per conversation,
/// trimmed to the last turns and expiring after the idle time. A stored turn this version cannot read whole is left
/// out rather than failing every follow-up of its conversation. When Redis cannot be reached, calls fail fast and
/// <see cref="PlanAssistant"/> answers without follow-up memory.
/// </summary>
public sealed class RedisConversationStore(IConnectionMultiplexer redis, IOptions<ConversationOptions> options) : IConversationStore
{
    public const string KeyPrefix = "ictplan:conversation:";

    private readonly ConversationOptions _options = options.Value;

    public async Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        EnsureConnected();
        var values = await redis.GetDatabase().ListRangeAsync(Key(conversationId)).ConfigureAwait(false);
        return values.Select(v => StoredTurn.Decode((byte[])v!)).OfType<ConversationTurn>().ToList();
    }

    public async Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        EnsureConnected();
        var key = Key(conversationId);
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.ListRightPushAsync(key, StoredTurn.Encode(turn, _options.MaxTurnBytes));
        _ = transaction.ListTrimAsync(key, -_options.MaxTurns, -1);
        _ = transaction.KeyExpireAsync(key, _options.Expiry);
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    private static RedisKey Key(string conversationId) => KeyPrefix + ConversationIds.StoreKey(conversationId);

    /// <summary>
    /// While Redis is down the multiplexer reconnects in the background; failing at once instead of waiting for
    /// a timeout keeps answers as fast as without memory, and the first call after Redis returns uses it again.
    /// </summary>
    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        EnsureConnected();
        await redis.GetDatabase().KeyDeleteAsync(Key(conversationId)).ConfigureAwait(false);
    }

    private void EnsureConnected()
    {
        if (!redis.IsConnected) throw new ConversationStoreUnavailableException("Redis is not connected (reconnecting in the background)");
    }

    /// <summary>
    /// Connection settings for an interactive service: connect in the background (a host starts even when Redis
    /// is down and reconnects when it returns) and time out in well under a second rather than hold an answer.
    /// </summary>
    public static ConfigurationOptions Configuration(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 1000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 500);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 500);
        return configuration;
    }
}
