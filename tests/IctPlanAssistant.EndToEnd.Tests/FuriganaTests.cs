using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>The "ふりがな" switch of the chat and row pages: readings over kanji, right for the plan's names.</summary>
public sealed class FuriganaTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    /// <summary>Each ruby of the element as "base=reading".</summary>
    private static async Task<string[]> RubiesAsync(ILocator element) =>
        await element.EvaluateAsync<string[]>("e => [...e.querySelectorAll('ruby')].map(r => r.firstChild.textContent + '=' + r.querySelector('rt').textContent)");

    [Fact]
    public async Task On_the_row_page_the_switch_puts_the_right_readings_over_kanji_and_takes_them_away()
    {
        await using var opened = await browser.OpenAsync("/rows/4-1");
        var page = opened.Page;
        await Expect(page.Locator("h1")).ToHaveTextAsync("会津大学IT起業家育成事業");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" });

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("h1 ruby").First).ToBeVisibleAsync();
        Assert.Equal(["会津=あいづ", "大学=だいがく", "起業=きぎょう", "家=か", "育成=いくせい", "事業=じぎょう"], await RubiesAsync(page.Locator("h1")));
        Assert.Equal(["総務=そうむ", "部=ぶ"], await RubiesAsync(page.Locator("dd[data-field='department']")));
        Assert.Equal(["私学=しがく", "法人=ほうじん", "課=か", "会津=あいづ", "大学=だいがく"], await RubiesAsync(page.Locator("dd[data-field='divisions']")));
        Assert.Contains("柱=はしら", await RubiesAsync(page.Locator("dd[data-field='source']")));

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("main ruby")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1")).ToHaveTextAsync("会津大学IT起業家育成事業");
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task With_furigana_on_an_answer_gets_readings_and_the_choice_is_kept_on_reload()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" }).ClickAsync();
        await Expect(page.Locator("h1 ruby").First).ToBeVisibleAsync();

        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);

        var chip = page.Locator(".answer .chip[data-row='1-2']");
        await Expect(chip.Locator("ruby").First).ToBeVisibleAsync();
        Assert.Equal(["避難=ひなん", "者=しゃ", "見守=みまも", "活動=かつどう", "支援=しえん", "事業=じぎょう"], await RubiesAsync(chip.Locator(".chip-name")));
        Assert.Equal(["保健=ほけん", "福祉=ふくし", "部=ぶ", "使=つか", "事業=じぎょう"], await RubiesAsync(page.Locator(".question-bubble")));
        await Expect(page.Locator("#announcer")).Not.ToContainTextAsync("ひなん");

        await page.ReloadAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".answer .chip[data-row='1-2'] ruby").First).ToBeVisibleAsync();
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task Without_the_switch_no_readings_are_asked_for_or_shown()
    {
        var readingRequests = 0;
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        page.Request += (_, request) => { if (request.Url.EndsWith("/api/readings", StringComparison.Ordinal)) readingRequests++; };

        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);

        await Expect(page.Locator(".answer .chip").First).ToBeVisibleAsync();
        await Expect(page.Locator("ruby")).ToHaveCountAsync(0);
        Assert.Equal(0, readingRequests);
    }
}
