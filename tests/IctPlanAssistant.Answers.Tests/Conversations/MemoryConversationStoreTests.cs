using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Tests.Conversations;

/// <summary>The in-memory conversation store: bounded in turns and conversations, and forgetting idle conversations.</summary>
public sealed class MemoryConversationStoreTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private MemoryConversationStore Store(int maxTurns = 20, int maxConversations = 100, TimeSpan? expiry = null) =>
        new(Options.Create(new ConversationOptions { MaxTurns = maxTurns, MaxConversations = maxConversations, Expiry = expiry ?? TimeSpan.FromHours(2) }), _clock);

    private static ConversationTurn Turn(string question) =>
        new(question, new QueryInterpretation { Question = question }, [RowId.Parse("1-2")], [RowId.Parse("1-2")], "answer [1-2]", DateTimeOffset.UnixEpoch);

    private static async Task<List<string>> Questions(MemoryConversationStore store, string id) =>
        (await store.GetAsync(id, CancellationToken.None)).Select(t => t.Question).ToList();

    [Fact]
    public async Task KeepsTheTurnsOfEachConversationInOrder()
    {
        var store = Store();
        await store.AppendAsync("a", Turn("q1"), CancellationToken.None);
        await store.AppendAsync("b", Turn("other"), CancellationToken.None);
        await store.AppendAsync("a", Turn("q2"), CancellationToken.None);

        Assert.Equal(["q1", "q2"], await Questions(store, "a"));
        Assert.Equal(["other"], await Questions(store, "b"));
        Assert.Empty(await Questions(store, "unknown"));
    }

    [Fact]
    public async Task ForgetsARemovedConversationAndKeepsTheOthers()
    {
        var store = Store();
        await store.AppendAsync("a", Turn("q1"), CancellationToken.None);
        await store.AppendAsync("b", Turn("other"), CancellationToken.None);

        await store.RemoveAsync("a", CancellationToken.None);
        await store.RemoveAsync("never-used", CancellationToken.None);

        Assert.Empty(await Questions(store, "a"));
        Assert.Equal(["other"], await Questions(store, "b"));
        await store.AppendAsync("a", Turn("q2"), CancellationToken.None);
        Assert.Equal(["q2"], await Questions(store, "a"));
    }

    [Fact]
    public async Task KeepsOnlyTheLatestTurns()
    {
        var store = Store(maxTurns: 2);
        foreach (var q in new[] { "q1", "q2", "q3" }) await store.AppendAsync("a", Turn(q), CancellationToken.None);

        Assert.Equal(["q2", "q3"], await Questions(store, "a"));
    }

    [Fact]
    public async Task ForgetsAConversationIdleLongerThanTheExpiry()
    {
        var store = Store(expiry: TimeSpan.FromMinutes(30));
        await store.AppendAsync("a", Turn("q1"), CancellationToken.None);

        _clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(["q1"], await Questions(store, "a"));
        _clock.Now += TimeSpan.FromMinutes(2);
        Assert.Empty(await Questions(store, "a"));
    }

    [Fact]
    public async Task DropsTheLeastRecentlyUsedConversationWhenFull()
    {
        var store = Store(maxConversations: 2);
        await store.AppendAsync("a", Turn("a1"), CancellationToken.None);
        await store.AppendAsync("b", Turn("b1"), CancellationToken.None);
        await store.AppendAsync("a", Turn("a2"), CancellationToken.None); // a is now the most recent

        await store.AppendAsync("c", Turn("c1"), CancellationToken.None);

        Assert.Empty(await Questions(store, "b"));
        Assert.Equal(["a1", "a2"], await Questions(store, "a"));
        Assert.Equal(["c1"], await Questions(store, "c"));
    }

    [Fact]
    public async Task ReturnsACopyThatLaterTurnsDoNotChange()
    {
        var store = Store();
        await store.AppendAsync("a", Turn("q1"), CancellationToken.None);
        var before = await store.GetAsync("a", CancellationToken.None);

        await store.AppendAsync("a", Turn("q2"), CancellationToken.None);

        Assert.Single(before);
    }
}
