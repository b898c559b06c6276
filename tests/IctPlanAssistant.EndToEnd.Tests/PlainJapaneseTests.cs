using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// The "やさしい日本語" switch of the chat on a 390×844 phone, with ふりがな: answers in plain Japanese (amounts in 億円/万円,
/// terms explained), the switch and the conversation kept over a reload, a follow-up about the same rows; and a
/// not-found answer that offers the plan's nearest words once.
/// </summary>
public sealed class PlainJapaneseTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    /// <summary>The text of an element as read, without the readings furigana put over it.</summary>
    private static Task<string> TextAsync(ILocator element) =>
        element.EvaluateAsync<string>("e => { const c = e.cloneNode(true); c.querySelectorAll('rt, rp').forEach(x => x.remove()); return c.textContent; }");

    private static Task<string[]> ChipRowsAsync(ILocator answer) =>
        answer.Locator(".chip").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.row)");

    [Fact]
    public async Task On_a_phone_plain_answers_with_readings_survive_a_reload_and_the_follow_up_is_about_the_same_rows()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;
        var plain = page.GetByRole(AriaRole.Button, new() { Name = "やさしい日本語" });
        var furigana = page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" });
        var plainSwitch = page.Locator("#plain-toggle");
        string? sentStyle = null;
        page.Request += (_, request) => { if (request.Url.EndsWith("/api/ask", StringComparison.Ordinal)) sentStyle = Regex.Match(request.PostData ?? "", "\"style\":\"(\\w+)\"").Groups[1].Value; };
        await Expect(plain).ToHaveAttributeAsync("aria-pressed", "false");

        await plain.ClickAsync();
        await furigana.ClickAsync();
        await ChatPageTests.AskAsync(page, "防災に関する事業の予算は？");

        await Expect(plainSwitch).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(plainSwitch.Locator("ruby").First).ToBeVisibleAsync(); // its kanji carry readings too
        Assert.Equal("plain", sentStyle);
        var first = page.Locator(".answer").Nth(0);
        await Expect(first.Locator(".answer-body ruby").First).ToBeVisibleAsync();
        var text = await TextAsync(first.Locator(".answer-body"));
        Assert.Matches(@"約[\d,]+万円（[\d,]+千円）", text);
        Assert.Contains("事業費（この事業に使うお金）", text);
        Assert.Equal(1, Regex.Count(text, "（この事業に使うお金）"));
        var rows = await ChipRowsAsync(first);
        Assert.NotEmpty(rows);
        await Axe.AssertNoViolationsAsync(page);

        await page.ReloadAsync();

        await Expect(plainSwitch).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(furigana).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".answer")).ToHaveCountAsync(1);
        Assert.Equal(text, await TextAsync(page.Locator(".answer").Nth(0).Locator(".answer-body")));

        await ChatPageTests.AskAsync(page, "その担当課は？");

        var second = page.Locator(".answer").Nth(1);
        await Expect(second.Locator(".chip").First).ToBeVisibleAsync();
        Assert.Equal(rows.Order(), (await ChipRowsAsync(second)).Order());
        Assert.Contains("担当課（その事業を受け持つ課）は", await TextAsync(second.Locator(".answer-body")));
        Assert.False(await opened.ScrollsHorizontallyAsync());
        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task A_not_found_answer_offers_the_nearest_plan_words_once_and_one_asks_for_it()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;

        await ChatPageTests.AskAsync(page, "ドローソを使った事業は？");

        var answer = page.Locator(".answer").Nth(0);
        var nearest = answer.Locator(".try-words button");
        await Expect(nearest.First).ToHaveTextAsync("ドローン");
        Assert.Equal(1, Regex.Count(await TextAsync(answer), "ドローン"));
        Assert.Equal(1, Regex.Count(await TextAsync(answer), "見つかりませんでした"));
        await Axe.AssertNoViolationsAsync(page);

        await nearest.First.ClickAsync();

        await Expect(page.Locator(".answer")).ToHaveCountAsync(2);
        await Expect(page.Locator(".answer").Nth(1).Locator(".chip").First).ToBeVisibleAsync();
        Assert.Empty(opened.ConsoleErrors);
    }
}
