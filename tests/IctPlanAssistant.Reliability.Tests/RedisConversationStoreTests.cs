using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>The Redis conversation store against a real redis-server on loopback.</summary>
public sealed class RedisConversationStoreTests
{
    private static ConversationTurn Turn(string question) =>
        new(question, new QueryInterpretation { Question = question }, [RowId.Parse("1-2")], [RowId.Parse("1-2")], "answer [1-2]", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_removed_conversation_is_forgotten_on_every_host_and_the_others_are_kept()
    {
        await using var redis = await RedisServer.StartAsync();
        // The store's behaviour is under test, not its timeouts: the service's 500 ms once ran out on a loaded CI machine.
        var configuration = RedisConversationStore.Configuration(redis.ConnectionString);
        configuration.SyncTimeout = configuration.AsyncTimeout = 10_000;
        using var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        var options = Options.Create(new ConversationOptions());
        var store = new RedisConversationStore(connection, options);
        var otherHost = new RedisConversationStore(connection, options);
        await store.AppendAsync("a", Turn("q1"), CancellationToken.None);
        await store.AppendAsync("a", Turn("q2"), CancellationToken.None);
        await store.AppendAsync("b", Turn("other"), CancellationToken.None);
        Assert.Equal(["q1", "q2"], (await otherHost.GetAsync("a", CancellationToken.None)).Select(t => t.Question));

        await otherHost.RemoveAsync("a", CancellationToken.None);
        await store.RemoveAsync("never-used", CancellationToken.None);

        Assert.Empty(await store.GetAsync("a", CancellationToken.None));
        Assert.False(await connection.GetDatabase().KeyExistsAsync(RedisConversationStore.KeyPrefix + "a"));
        Assert.Equal(["other"], (await store.GetAsync("b", CancellationToken.None)).Select(t => t.Question));
    }
}
