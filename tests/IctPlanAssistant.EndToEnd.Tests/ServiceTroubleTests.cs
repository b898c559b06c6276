using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>A host that lets one client ask once an hour.</summary>
public sealed class BusyPlanBrowser : BrowserHost
{
    protected override PlanWebHost CreateHost() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Ask:PermitLimit"] = "1",
        ["RateLimiting:Ask:Window"] = "01:00:00",
    });
}

/// <summary>A host whose answer composer cannot reach its service.</summary>
public sealed class FailingPlanBrowser : BrowserHost
{
    protected override PlanWebHost CreateHost() => new(services: s => s.AddSingleton<IAnswerComposer, UnreachableComposer>());

    private sealed class UnreachableComposer : IAnswerComposer
    {
        public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
            throw new HttpRequestException("the model service is unreachable");

        public IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, CancellationToken cancellationToken) =>
            throw new HttpRequestException("the model service is unreachable");
    }
}

public sealed class BusyServiceTests(BusyPlanBrowser browser) : IClassFixture<BusyPlanBrowser>
{
    [Fact]
    public async Task A_visitor_over_their_question_limit_is_told_it_is_their_limit_and_when_to_retry_and_keeps_the_question()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.Locator("#question").FillAsync("新規の事業はいくつありますか？");
        await page.Locator("#ask-button").ClickAsync();
        await Expect(page.Locator(".answer .interpretation")).ToHaveCountAsync(1);

        await page.Locator("#question").FillAsync("保健福祉部でタブレットを使う事業は？");
        await page.Locator("#ask-button").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^短い間にたくさん質問されたため、あなたの利用回数の上限に達しました。\d+秒後にもう一度お試しください。$"));
        await Expect(page.Locator(".turn")).ToHaveCountAsync(1);
        await Expect(page.Locator("#question")).ToHaveValueAsync("保健福祉部でタブレットを使う事業は？");
    }
}

public sealed class FailingServiceTests(FailingPlanBrowser browser) : IClassFixture<FailingPlanBrowser>
{
    [Fact]
    public async Task A_failing_service_is_explained_and_the_question_kept()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await page.Locator("#question").FillAsync("新規の事業はいくつありますか？");
        await page.Locator("#question").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("サービスで問題が発生しました。しばらくしてから、もう一度お試しください。");
        await Expect(page.Locator(".turn")).ToHaveCountAsync(0);
        await Expect(page.Locator("#question")).ToHaveValueAsync("新規の事業はいくつありますか？");
    }
}
