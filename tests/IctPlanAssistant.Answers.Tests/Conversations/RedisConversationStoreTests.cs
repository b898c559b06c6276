using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Answers.Tests.Support;
using IctPlanAssistant.Testing;
using StackExchange.Redis;

namespace IctPlanAssistant.Answers.Tests.Conversations;

/// <summary>
/// The Redis store against a real redis-server: turns it cannot read whole (a null interpretation, another stored
/// version, the unversioned form of before) are left out instead of breaking every follow-up of the conversation
/// for as long as it lives, and every turn is stored within its byte bound.
/// </summary>
[Collection(PlanIndexCollection.Name)]
public sealed class RedisConversationStoreTests(PlanIndexFixture index) : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private Assistant _assistant = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _assistant = Assistant.Create(index.IndexPath, [("Conversations:Store", "Redis"), ("Conversations:Redis", _redis.ConnectionString)]);
        // The store connects in the background and, until it has, answers without memory: wait for it (a loaded machine takes a while).
        var redis = (IConnectionMultiplexer)_assistant.Services.GetService(typeof(IConnectionMultiplexer))!;
        for (var attempt = 0; attempt < 300 && !redis.IsConnected; attempt++) await Task.Delay(100);
        Assert.True(redis.IsConnected, "Redis never connected");
    }

    public async Task DisposeAsync()
    {
        await _assistant.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private IDatabase Redis => _assistant.Services.GetService(typeof(IConnectionMultiplexer)) is IConnectionMultiplexer m ? m.GetDatabase() : throw new InvalidOperationException("no Redis");

    [Theory]
    [InlineData("""{"v":1,"turn":{"question":"壊れた","interpretation":null,"retrieved":[],"cited":[],"answer":"","at":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"v":2,"turn":{"question":"新しい版","shapeOfTheFuture":true}}""")]
    [InlineData("""{"question":"版のない古い形","interpretation":{"question":"版のない古い形"},"retrieved":[],"cited":[],"answer":"","at":"2026-01-01T00:00:00Z"}""")]
    [InlineData("not json at all")]
    public async Task A_turn_that_cannot_be_read_whole_is_left_out_and_follow_ups_still_work(string stored)
    {
        var conversation = $"c-{Guid.NewGuid():N}";
        await _assistant.AskAsync("ドローンを活用した事業は？", conversation);
        await Redis.ListRightPushAsync(RedisConversationStore.KeyPrefix + conversation, stored);

        var history = await Store.GetAsync(conversation, CancellationToken.None);
        var followUp = await _assistant.AskAsync("その事業費は？", conversation);

        Assert.Equal(["ドローンを活用した事業は？"], history.Select(t => t.Question));
        Assert.Equal(["3-22"], followUp.Citations.Select(c => c.ToString()));
    }

    [Fact]
    public async Task A_turn_of_a_sum_over_thousands_of_rows_is_stored_within_the_turn_bound()
    {
        var conversation = $"c-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(1, 6_000).Select(n => RowId.Parse($"{n / 1000 + 1}-{n}")).ToList();
        var turn = new ConversationTurn("合計は？", new Search.Querying.QueryInterpretation { Question = "合計は？" }, ids.Take(20).ToList(), ids,
            string.Concat(ids.Select(id => $"[{id}] 1,000千円、")), DateTimeOffset.UtcNow);

        await Store.AppendAsync(conversation, turn, CancellationToken.None);

        var stored = await Redis.ListRangeAsync(RedisConversationStore.KeyPrefix + conversation);
        Assert.InRange(((byte[])Assert.Single(stored)!).Length, 1, new ConversationOptions().MaxTurnBytes);
        Assert.Equal("合計は？", Assert.Single(await Store.GetAsync(conversation, CancellationToken.None)).Question);
    }

    private IConversationStore Store => (IConversationStore)_assistant.Services.GetService(typeof(IConversationStore))!;
}
