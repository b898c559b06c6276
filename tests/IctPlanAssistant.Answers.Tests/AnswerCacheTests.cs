using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Tests;

/// <summary>
/// First-turn answers are kept by question, plan and index generation: asked again, a question is not composed
/// again; a follow-up, another plan or a new index generation is.
/// </summary>
public sealed class AnswerCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ictplan-answer-cache-").FullName;
    private readonly PlanIndex _index;
    private readonly CountingComposer _composer;
    private readonly PlanAssistant _assistant;

    public AnswerCacheTests()
    {
        var location = new IndexLocation(Path.Combine(_dir, "index"));
        new PlanIngestor(location).Ingest(PlanSource.Resolve([]));
        _index = PlanIndex.Open(location.Root, checkInterval: TimeSpan.Zero);
        var glossary = Glossary.Load();
        _composer = new CountingComposer(new BuiltInAnswerComposer(new AnswerPhrases(glossary)));
        _assistant = new PlanAssistant(
            new PlanSearch(new QueryInterpreter(glossary, _index), new PlanRetriever(_index, PlanAnalyzers.Create())), _composer,
            new MemoryConversationStore(Options.Create(new ConversationOptions())), Options.Create(new AssistantOptions()),
            NullLogger<PlanAssistant>.Instance);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SameFirstQuestionAgain_IsAnsweredWithoutComposing_AndKeepsEachCallersConversation()
    {
        var first = await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？", "c1"));
        var again = await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？", "c2"));

        Assert.Equal(1, _composer.Calls);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal("c2", again.ConversationId);
        // The second conversation remembers its turn: its follow-up is read against it.
        var followUp = await _assistant.AskAsync(new AskRequest("それの事業費は？", "c2"));
        Assert.Equal(first.Citations, followUp.Citations);
    }

    [Fact]
    public async Task TheSameQuestionInPlainJapanese_IsComposedApart_AndEachStyleIsKept()
    {
        var standard = await _assistant.AskAsync(new AskRequest("保健福祉部でタブレットを使っている事業は？"));
        var plain = await _assistant.AskAsync(new AskRequest("保健福祉部でタブレットを使っている事業は？", Style: AnswerStyle.Plain));
        var plainAgain = await _assistant.AskAsync(new AskRequest("保健福祉部でタブレットを使っている事業は？", Style: AnswerStyle.Plain));
        var standardAgain = await _assistant.AskAsync(new AskRequest("保健福祉部でタブレットを使っている事業は？"));

        Assert.Equal(2, _composer.Calls);
        Assert.Contains("約19億4千万円", plain.Text);
        Assert.DoesNotContain("約19億4千万円", standard.Text);
        Assert.Equal(plain.Text, plainAgain.Text);
        Assert.Equal(standard.Text, standardAgain.Text);
        Assert.Equal(standard.Citations, plain.Citations);
    }

    [Fact]
    public async Task FollowUp_IsComposedEachTime()
    {
        await _assistant.AskAsync(new AskRequest("保健福祉部の事業は？", "a"));
        await _assistant.AskAsync(new AskRequest("保健福祉部の事業は？", "b"));
        await _assistant.AskAsync(new AskRequest("そのうちタブレットを使うものは？", "a"));
        await _assistant.AskAsync(new AskRequest("そのうちタブレットを使うものは？", "b"));

        Assert.Equal(3, _composer.Calls);
    }

    [Fact]
    public async Task AnotherPlan_IsAnotherAnswer()
    {
        await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？"));
        var elsewhere = await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？", Plan: "no-such-plan"));

        Assert.Equal(2, _composer.Calls);
        Assert.True(elsewhere.NoMatch);
    }

    [Fact]
    public async Task NewIndexGeneration_IsAnsweredAfresh()
    {
        await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？"));
        new PlanIngestor(new IndexLocation(_index.Root)).Ingest(PlanSource.Resolve([]));

        await _assistant.AskAsync(new AskRequest("ドローンを導入した事業はありますか？"));

        Assert.Equal(2, _composer.Calls);
    }

    [Fact]
    public void FullCache_DropsTheLeastRecentlyUsedAnswer()
    {
        var cache = new AnswerCache(2);
        cache.Add("a", AnswerFor("a"));
        cache.Add("b", AnswerFor("b"));
        Assert.True(cache.TryGet("a", out _)); // a is now the most recent

        cache.Add("c", AnswerFor("c"));

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void FallbackAnswers_AndAZeroSizedCache_KeepNothing()
    {
        var cache = new AnswerCache(10);
        cache.Add("fallback", AnswerFor("fallback") with { Source = AnswerSource.Fallback });
        var none = new AnswerCache(0);
        none.Add("a", AnswerFor("a"));

        Assert.False(cache.TryGet("fallback", out _));
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void LargeAnswers_AreKeptWithinTheByteBound()
    {
        var cache = new AnswerCache(1000, maxBytes: 1 << 20);
        var text = new string('あ', 150_000); // a sum listing thousands of rows

        for (var i = 0; i < 100; i++) cache.Add($"q{i}", AnswerFor($"q{i}") with { Text = text });

        Assert.InRange(cache.Bytes, 1, 1 << 20);
        Assert.True(cache.TryGet("q99", out _));
        Assert.False(cache.TryGet("q0", out _));
    }

    private static Answer AnswerFor(string question) => new()
    {
        Question = question,
        Text = "—",
        Citations = [],
        CitedRows = [],
        Retrieved = [],
        Interpretation = new QueryInterpretation { Question = question },
    };

    /// <summary>The built-in composer, counting how often it is asked to compose.</summary>
    private sealed class CountingComposer(IAnswerComposer inner) : IAnswerComposer
    {
        private int _calls;

        public int Calls => _calls;

        public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.ComposeAsync(context, cancellationToken);
        }

        public IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return inner.StreamAsync(context, cancellationToken);
        }
    }
}
