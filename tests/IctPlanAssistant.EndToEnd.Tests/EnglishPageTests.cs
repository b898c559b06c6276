using IctPlanAssistant.Answers.Tests.Support;
using IctPlanAssistant.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// A host with an AI service: the scripted OpenAI-compatible server on loopback, which translates row names for the
/// English glosses and fails every other request (the built-in composer then answers, as it does when a service fails).
/// </summary>
public sealed class GlossingPlanBrowser : BrowserHost
{
    public FakeOpenAIServer Service { get; private set; } = null!;

    public static string GlossOf(string id) => $"Project {id} in English";

    protected override async Task StartServicesAsync() =>
        Service = await FakeOpenAIServer.StartAsync(request => request.IsGloss ? request.GlossReply(GlossOf) : new Reply.Status(400));

    protected override PlanWebHost CreateHost() => new(new Dictionary<string, string?>
    {
        ["AI:Provider"] = "OpenAICompatible",
        ["AI:Endpoint"] = Service.Endpoint.ToString(),
        ["AI:Model"] = "test-model",
        ["AI:MaxRetries"] = "0",
        ["AI:SuggestFollowUps"] = "false",
        ["AI:RewriteQueries"] = "false",
    });

    protected override async ValueTask StopServicesAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
    }
}

/// <summary>The English pages: Japanese names marked lang="ja", and each cited row's English gloss beside its name.</summary>
public sealed class EnglishPageTests(GlossingPlanBrowser browser) : IClassFixture<GlossingPlanBrowser>
{
    [Fact]
    public async Task Cited_rows_show_their_english_gloss_beside_the_japanese_name_marked_as_japanese()
    {
        await using var opened = await browser.OpenAsync("/?lang=en");
        var page = opened.Page;

        await ChatPageTests.AskAsync(page, "Which Health and Welfare projects use tablets?");

        var chip = page.Locator(".answer .chip[data-row='1-2']");
        await Expect(chip.Locator(".gloss")).ToHaveTextAsync(GlossingPlanBrowser.GlossOf("1-2"));
        await Expect(chip.Locator(".gloss")).ToHaveAttributeAsync("lang", "en");
        await Expect(chip.Locator(".chip-name")).ToHaveAttributeAsync("lang", "ja");
        await Expect(chip.Locator(".chip-name")).ToHaveTextAsync("避難者見守り活動支援事業");
        // Every Japanese word in the answer is inside an element marked lang="ja".
        var unmarked = await page.Locator(".answer").EvaluateAsync<string[]>("""
            answer => { const out = []; const w = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
              while (w.nextNode()) { const t = w.currentNode; if (/[\u3040-\u30FF\u4E00-\u9FFF]/.test(t.data) && !t.parentElement.closest('[lang="ja"]')) out.push(t.data); }
              return out; }
            """);
        Assert.Empty(unmarked);
        Assert.Contains(browser.Service.Requests, r => r.IsGloss);
    }

    [Fact]
    public async Task The_row_page_in_english_shows_the_gloss_under_the_japanese_name()
    {
        await using var opened = await browser.OpenAsync("/rows/1-2?lang=en");
        var page = opened.Page;

        await Expect(page.Locator("p.gloss")).ToContainTextAsync(GlossingPlanBrowser.GlossOf("1-2"));
        await Expect(page.Locator("h1 [lang='ja']")).ToHaveTextAsync("避難者見守り活動支援事業");
        await Expect(page.Locator("dd[data-field='source']")).ToContainTextAsync("Fukushima ICT Strategy Action Plan 2017, results, section 1");
    }

    [Fact]
    public async Task Axe_finds_nothing_on_the_english_chat_with_two_answers()
    {
        await using var opened = await browser.OpenAsync("/?lang=en");
        var page = opened.Page;
        await ChatPageTests.AskAsync(page, "Which Health and Welfare projects use tablets?");
        await ChatPageTests.AskAsync(page, "Are there space rocket projects?");
        await Expect(page.Locator(".answer .chip .gloss").First).ToBeVisibleAsync();

        await Axe.AssertNoViolationsAsync(page);
    }
}
