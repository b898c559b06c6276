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

    private MemoryConversationStore Store(int maxTurns = 20, int maxConversations = 100, TimeSpan? expiry = null, long maxBytes = 64L << 20) =>
        new(Options.Create(new ConversationOptions { MaxTurns = maxTurns, MaxConversations = maxConversations, Expiry = expiry ?? TimeSpan.FromHours(2), MaxBytes = maxBytes }), _clock);

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

    /// <summary>A turn as a sum over every row of a 6,000-row index leaves it: every id cited, a 300 KB answer.</summary>
    private static ConversationTurn SumOverEverything(string question)
    {
        var ids = Enumerable.Range(1, 6_000).Select(n => RowId.Parse($"{n / 1000 + 1}-{n}")).ToList();
        var text = string.Concat(ids.Select(id => $"[{id}] 事業費 1,000千円、"));
        return new(question, new QueryInterpretation { Question = question, Scope = ids }, ids.Take(20).ToList(), ids, text, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task A_turn_that_cites_thousands_of_rows_is_kept_within_the_turn_bound_and_reads_back_whole()
    {
        var store = Store();

        await store.AppendAsync("a", SumOverEverything("全部の事業費の合計は？"), CancellationToken.None);

        Assert.InRange(store.Bytes, 1, new ConversationOptions().MaxTurnBytes + 1024);
        var turn = Assert.Single(await store.GetAsync("a", CancellationToken.None));
        Assert.Equal("全部の事業費の合計は？", turn.Question);
        Assert.Equal("1-1", turn.Cited[0].ToString());
        Assert.Equal(20, turn.Retrieved.Count);
        Assert.NotNull(turn.Interpretation.Scope);
    }

    [Fact]
    public async Task Thousands_of_large_conversations_stay_within_the_byte_bound()
    {
        var store = Store(maxConversations: 100_000, maxBytes: 64 << 10);

        var turn = SumOverEverything("合計は？");
        for (var i = 0; i < 100; i++) await store.AppendAsync($"c{i}", turn, CancellationToken.None);

        Assert.InRange(store.Bytes, 1, 64 << 10);
        Assert.Single(await store.GetAsync("c99", CancellationToken.None));
        Assert.Empty(await store.GetAsync("c0", CancellationToken.None));
    }

    [Fact]
    public async Task A_conversation_id_of_250000_characters_costs_no_more_than_a_short_one()
    {
        var store = Store();
        var longId = new string('x', 250_000);

        await store.AppendAsync(longId, Turn("q1"), CancellationToken.None);

        Assert.InRange(store.Bytes, 1, 4096);
        Assert.Equal(["q1"], await Questions(store, longId));
    }

    [Fact]
    public async Task Expired_conversations_are_dropped_even_when_nobody_reads_them_again()
    {
        var store = Store(expiry: TimeSpan.FromMinutes(30));
        for (var i = 0; i < 50; i++) await store.AppendAsync($"idle{i}", Turn("q"), CancellationToken.None);

        _clock.Now += TimeSpan.FromMinutes(31);
        await store.AppendAsync("new", Turn("q"), CancellationToken.None);

        Assert.Equal(1, store.Count);
    }
}
