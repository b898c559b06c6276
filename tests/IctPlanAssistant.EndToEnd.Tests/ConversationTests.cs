using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>The chat keeps its conversation through a reload and Back, and starts over on "新しい質問".</summary>
public sealed class ConversationTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    [Fact]
    public async Task A_reload_shows_the_conversation_again_and_a_follow_up_carries_on_in_it()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);

        await page.ReloadAsync();

        await Expect(page.Locator(".turn")).ToHaveCountAsync(1);
        await Expect(page.Locator(".question-bubble")).ToContainTextAsync(ChatPageTests.TabletQuestion);
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
        await page.Locator(".followups button", new() { HasText = "合わせていくら？" }).ClickAsync();
        await Expect(page.Locator(".answer").Nth(1).Locator(".interpretation")).ToContainTextAsync("前の回答");
        Assert.Empty(opened.ScriptErrors);
    }

    [Fact]
    public async Task Back_from_a_row_page_or_its_link_to_the_chat_shows_the_conversation_again()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);
        await page.Locator(".answer a.chip[data-row='1-2']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rows/1-2$"));

        await page.GoBackAsync();

        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
        await Expect(page.Locator(".turn")).ToHaveCountAsync(1);

        await page.Locator(".answer a.chip[data-row='1-2']").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "チャットに戻る" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
        await Expect(page.Locator(".turn")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_new_question_clears_the_page_and_the_server_forgets_the_old_conversation()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);
        var oldId = await page.EvaluateAsync<string>("() => sessionStorage.getItem('conversation')");
        var deleted = page.WaitForResponseAsync(r => r.Request.Method == "DELETE" && r.Url.EndsWith($"/api/conversations/{oldId}", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "新しい質問" }).ClickAsync();

        Assert.Equal(204, (await deleted).Status);
        await Expect(page.Locator(".turn")).ToHaveCountAsync(0);
        await Expect(page.Locator("#question")).ToBeFocusedAsync();
        await ChatPageTests.AskAsync(page, "合わせていくら？");
        await Expect(page.Locator(".answer .interpretation")).Not.ToContainTextAsync("前の回答");
        Assert.NotEqual(oldId, await page.EvaluateAsync<string>("() => sessionStorage.getItem('conversation')"));
        await page.ReloadAsync();
        await Expect(page.Locator(".question-bubble")).ToHaveTextAsync(new Regex("合わせていくら？$"));
    }
}
