using System.Runtime.CompilerServices;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>A host whose composer streams like a model: a draft, then (when the test lets it) the checked answer.</summary>
public sealed class StreamingPlanBrowser : BrowserHost
{
    public GatedComposer Composer => (GatedComposer)Host.Services.GetRequiredService<IAnswerComposer>();

    protected override PlanWebHost CreateHost() => new(services: s => s.AddSingleton<IAnswerComposer, GatedComposer>());
}

/// <summary>Writes a draft, waits for the test to release it, then answers as the built-in composer does.</summary>
public sealed class GatedComposer(BuiltInAnswerComposer inner) : IAnswerComposer
{
    public const string Draft = "保健福祉部の事業を調べています";

    private readonly SemaphoreSlim _gate = new(0);

    public void ReleaseOne() => _gate.Release();

    public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) => inner.ComposeAsync(context, cancellationToken);

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return AnswerUpdate.Delta(Draft);
        await _gate.WaitAsync(cancellationToken);
        yield return AnswerUpdate.Done(await inner.ComposeAsync(context, cancellationToken));
    }
}

public sealed class StreamingChatTests(StreamingPlanBrowser browser) : IClassFixture<StreamingPlanBrowser>
{
    [Fact]
    public async Task While_a_model_writes_the_draft_shows_then_the_checked_answer_replaces_it()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await page.Locator("#question").FillAsync("保健福祉部でタブレットを使う事業は？");
        await page.Locator("#question").PressAsync("Enter");

        await Expect(page.Locator(".answer .streaming")).ToHaveTextAsync(GatedComposer.Draft);
        await Expect(page.Locator("#conversation")).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(page.Locator("#announcer")).ToBeEmptyAsync();
        browser.Composer.ReleaseOne();
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
        await Expect(page.Locator(".answer .streaming")).ToHaveCountAsync(0);
        await Expect(page.Locator("#conversation")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.Locator("#announcer")).ToContainTextAsync("避難者見守り活動支援事業");
    }
}
