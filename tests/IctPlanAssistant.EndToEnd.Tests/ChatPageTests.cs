using System.Text.RegularExpressions;
using IctPlanAssistant.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>The bundled plan served by a real host, with one browser, for a test class.</summary>
public sealed class BundledPlanBrowser : BrowserHost;

public sealed class ChatPageTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    internal const string TabletQuestion = "保健福祉部でタブレットを使う事業は？";

    [Fact]
    public async Task Asking_a_Japanese_question_shows_the_answer_its_interpretation_and_the_cited_rows()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await AskAsync(page, TabletQuestion);

        var answer = page.Locator(".answer").Last;
        await Expect(answer.Locator(".chip[data-row='1-2']")).ToBeVisibleAsync();
        await Expect(answer.Locator(".chip[data-row='3-8']")).ToBeVisibleAsync();
        await Expect(answer.Locator(".chip[data-row='1-2']")).ToContainTextAsync("避難者見守り活動支援事業");
        await Expect(answer.Locator(".answer-body a.cite[data-row='1-2']")).ToHaveAttributeAsync("href", "/rows/1-2");
        await Expect(answer.Locator(".interpretation")).ToContainTextAsync("保健福祉部");
        await Expect(answer.Locator(".interpretation")).ToContainTextAsync("タブレット");
        await Expect(answer.Locator(".interpretation")).ToContainTextAsync("で検索しました");
        await Expect(page.Locator("#announcer")).ToContainTextAsync("避難者見守り活動支援事業");
        Assert.Empty(opened.ScriptErrors);
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task Following_a_citation_opens_the_row_page_with_every_field_a_readable_citation_and_the_way_back()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await AskAsync(page, TabletQuestion);

        await page.Locator(".answer-body a.cite[data-row='1-2']").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/rows/1-2$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("避難者見守り活動支援事業");
        await Expect(page.Locator("dl#row-fields dt")).ToHaveCountAsync(12);
        await Expect(page.Locator("dd[data-field='department']")).ToHaveTextAsync("保健福祉部");
        await Expect(page.Locator("dd[data-field='budget']")).ToHaveTextAsync("1,943,682千円");
        await Expect(page.Locator("dd[data-field='source']")).ToHaveTextAsync("ふくしま創生ICT戦略アクションプラン2017 事業実施結果・柱1「復興への取組」・整理番号2");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "チャットに戻る" })).ToHaveAttributeAsync("href", "/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "事業検索（職員向け）へ" })).ToHaveAttributeAsync("href", "/search");
    }

    [Fact]
    public async Task The_chat_can_be_used_by_keyboard_alone()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await TabUntilAsync(page, "Tab", "document.activeElement.id === 'question'");
        await page.Keyboard.TypeAsync(TabletQuestion);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
        Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
        await TabUntilAsync(page, "Shift+Tab", "document.activeElement.matches('a.chip[data-row=\"1-2\"]')");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/rows/1-2$"));
    }

    [Fact]
    public async Task A_follow_up_question_is_answered_within_the_earlier_answer()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await AskAsync(page, TabletQuestion);

        await page.Locator(".followups button", new() { HasText = "合わせていくら？" }).ClickAsync();

        await Expect(page.Locator(".answer .interpretation")).ToHaveCountAsync(2);
        var second = page.Locator(".answer").Nth(1);
        await Expect(second.Locator(".interpretation")).ToContainTextAsync("前の回答");
        var cited = await second.Locator(".chip").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.row)");
        Assert.NotEmpty(cited);
        Assert.Subset(new HashSet<string> { "1-2", "3-8" }, cited.ToHashSet());
    }

    [Fact]
    public async Task A_question_no_project_matches_says_so_once_and_offers_departments_examples_and_the_search()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await AskAsync(page, "宇宙ロケットの打ち上げ事業は？");

        var answer = page.Locator(".answer").Last;
        await Expect(answer.Locator(".answer-body")).ToContainTextAsync("見つかりませんでした");
        Assert.Equal(1, Regex.Count(await answer.InnerTextAsync(), "見つかりませんでした"));
        await Expect(answer.Locator(".chip")).ToHaveCountAsync(0);
        var tryInstead = answer.GetByRole(AriaRole.Region, new() { Name = "回答1: ほかの探し方" });
        await Expect(tryInstead.GetByRole(AriaRole.Button, new() { Name = "保健福祉部", Exact = true })).ToBeVisibleAsync();
        await Expect(tryInstead.GetByRole(AriaRole.Button, new() { Name = "観光に関する事業を教えて" })).ToBeVisibleAsync();
        await Expect(tryInstead.GetByRole(AriaRole.Link, new() { Name = "事業検索で探す" }))
            .ToHaveAttributeAsync("href", "/search?q=" + Uri.EscapeDataString("宇宙ロケットの打ち上げ事業は？"));

        await tryInstead.GetByRole(AriaRole.Button, new() { Name = "保健福祉部", Exact = true }).ClickAsync();

        await Expect(page.Locator(".answer")).ToHaveCountAsync(2);
        await Expect(page.Locator(".question-bubble").Last).ToContainTextAsync("保健福祉部にはどんな事業がありますか？");
        await Expect(page.Locator(".answer").Last.Locator(".chip[data-row='1-2']")).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Projects_matching_part_of_a_question_nothing_answers_are_offered_as_related_not_as_sources()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await AskAsync(page, "ロボットで雪かきをする事業は？");

        var answer = page.Locator(".answer").Last;
        await Expect(answer.Locator(".answer-body")).ToContainTextAsync("見つかりませんでした");
        await Expect(answer.Locator(".cited")).ToHaveCountAsync(0);
        // Open, as nothing was found: the robot rows are the best lead.
        var related = answer.Locator("details.related");
        await Expect(related).ToHaveAttributeAsync("open", "");
        await Expect(related.Locator("summary")).ToContainTextAsync("関係がありそうな事業");
        await Expect(related.Locator(".chip[data-row='3-2']")).ToBeVisibleAsync();
        Assert.Empty(opened.ScriptErrors);
    }

    [Fact]
    public async Task Related_projects_beside_an_answer_wait_folded_under_its_sources()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await AskAsync(page, "タブレットで見守りをする事業");

        var answer = page.Locator(".answer").Last;
        await Expect(answer.Locator(".cited .chip[data-row='1-2']")).ToBeVisibleAsync();
        var related = answer.Locator("details.related");
        await Expect(related).Not.ToHaveAttributeAsync("open", "");
        await Expect(related.Locator(".chip").First).ToBeHiddenAsync();
        await related.Locator("summary").ClickAsync();
        await Expect(related.Locator(".chip").First).ToBeVisibleAsync();
        await Expect(related.Locator(".chip[data-row='1-2']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_question_that_is_too_long_is_refused_with_its_length_and_the_limit()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await page.Locator("#question").FillAsync(new string('あ', 600));
        await page.Locator("#ask-button").ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("質問が長すぎます（600文字）");
        await Expect(alert).ToContainTextAsync("500文字以内");
        await Expect(page.Locator("#question-count")).ToHaveTextAsync("600 / 500文字");
        await Expect(page.Locator(".turn")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_page_is_available_in_english()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await page.Locator("#lang-toggle").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Ask about the ICT action plan");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("label[for='question']")).ToHaveTextAsync("Your question");
        await page.Locator("#examples button").First.ClickAsync();
        await Expect(page.Locator(".answer .interpretation")).ToContainTextAsync("Searched for:");
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_360_px_phone_the_chat_with_an_answer_does_not_scroll_sideways()
    {
        await using var opened = await browser.OpenAsync("/", width: 360, height: 740);
        var page = opened.Page;

        await AskAsync(page, TabletQuestion);
        await Expect(page.Locator(".answer .chip").First).ToBeVisibleAsync();

        Assert.False(await opened.ScrollsHorizontallyAsync());
    }

    [Fact]
    public async Task Screenshot_of_the_chat_page()
    {
        await using var opened = await browser.OpenAsync("/", width: 900, height: 900);
        var page = opened.Page;
        await AskAsync(page, TabletQuestion);
        await Expect(page.Locator(".answer .followups")).ToBeVisibleAsync();

        Assert.True(File.Exists(await Screenshots.SaveAsync(page, "chat.png")));
    }

    internal static async Task AskAsync(IPage page, string question)
    {
        var answers = await page.Locator(".answer .interpretation").CountAsync();
        await page.Locator("#question").FillAsync(question);
        await page.Locator("#question").PressAsync("Enter");
        await Expect(page.Locator(".answer .interpretation")).ToHaveCountAsync(answers + 1);
    }

    /// <summary>Presses the key until the condition holds, at most 40 times (the page has fewer stops than that).</summary>
    private static async Task TabUntilAsync(IPage page, string key, string condition)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<bool>(condition)) return;
        }
        Assert.Fail($"{key} never reached: {condition}");
    }
}
