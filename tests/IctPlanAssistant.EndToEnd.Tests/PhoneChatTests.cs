using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>The chat on a 390×844 phone: the question box stays in view, a long answer keeps its row list short.</summary>
public sealed class PhoneChatTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    /// <summary>Counted, so the answer lists every new project: 12 rows.</summary>
    private const string LongAnswerQuestion = "新規の事業はいくつありますか？";

    private const string QuestionInView =
        "() => { const r = document.getElementById('question').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }";

    [Fact]
    public async Task After_a_long_answer_the_question_box_is_in_view_wherever_the_page_is_scrolled()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;

        await ChatPageTests.AskAsync(page, LongAnswerQuestion);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight * 1.5"), "the answer is longer than the screen");
        Assert.True(await page.EvaluateAsync<bool>(QuestionInView));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Assert.True(await page.EvaluateAsync<bool>(QuestionInView));
        await page.EvaluateAsync("() => document.querySelector('.answer .chip').scrollIntoView({ block: 'center' })");
        Assert.True(await page.EvaluateAsync<bool>(QuestionInView));
        Assert.False(await opened.ScrollsHorizontallyAsync());
    }

    [Fact]
    public async Task A_long_answer_shows_a_few_rows_and_the_rest_behind_more()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;

        await ChatPageTests.AskAsync(page, LongAnswerQuestion);

        var chips = page.Locator(".answer .chip");
        await Expect(chips).ToHaveCountAsync(12);
        Assert.Equal(3, await chips.EvaluateAllAsync<int>("chips => chips.filter(c => c.checkVisibility()).length"));
        var more = page.GetByRole(AriaRole.Button, new() { Name = "ほか9件を表示" });
        await more.ClickAsync();
        Assert.Equal(12, await chips.EvaluateAllAsync<int>("chips => chips.filter(c => c.checkVisibility()).length"));
        await Expect(chips.Nth(3)).ToBeFocusedAsync();
        await Expect(more).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_short_answer_shows_every_row()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;

        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);

        await Expect(page.Locator(".answer .chip").First).ToBeVisibleAsync();
        await Expect(page.Locator(".more-rows")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Screenshot_of_the_phone_chat_with_furigana()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" }).ClickAsync();
        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);
        await Expect(page.Locator(".answer .chip-name ruby").First).ToBeVisibleAsync();

        var path = await Screenshots.SaveAsync(page, "chat-phone-furigana.png", fullPage: false);

        Assert.True(File.Exists(path));
    }
}
