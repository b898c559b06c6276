using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// Search-as-you-type in the chat's question box, in the real browser: kana typed before conversion is completed to
/// the plan's names and words, by keyboard (ArrowDown, Enter asks it) and by mouse, and axe-core finds nothing with
/// the suggestions open.
/// </summary>
public sealed class SuggestionTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    private static ILocator Options(IPage page) => page.Locator("#question-suggestions [role='option']");

    /// <summary>
    /// Types the text and waits for the list built for all of it: on a loaded machine a list for an earlier prefix
    /// shows first, and arrow keys pressed on it are undone when the list for the whole text replaces it.
    /// </summary>
    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator("#question").FocusAsync();
        await page.Keyboard.TypeAsync(text);
        await Expect(page.Locator("#question-suggestions")).ToHaveAttributeAsync("data-for", text);
    }

    [Fact]
    public async Task Bousai_typed_in_kana_is_suggested_picked_by_ArrowDown_and_Enter_and_answered()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        var box = page.Locator("#question");

        await TypeAsync(page, "ぼうさい");

        var listbox = page.Locator("#question-suggestions");
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(Options(page).First).ToContainTextAsync("防災事務連絡システム");
        await Expect(Options(page).Filter(new() { HasText = "防災" })).Not.ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "入力の候補" })).ToBeVisibleAsync();
        await Expect(page.Locator("#suggestions-status")).ToContainTextAsync("候補が");
        await Expect(box).ToHaveAttributeAsync("aria-controls", "question-suggestions");
        await Expect(box).ToHaveAttributeAsync("aria-autocomplete", "list");

        await page.Keyboard.PressAsync("ArrowDown");

        var first = Options(page).First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        Assert.Equal("question", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Axe.AssertNoViolationsAsync(page);

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".question-bubble").Last).ToContainTextAsync("防災事務連絡システム");
        await Expect(page.Locator(".answer .chip-name", new() { HasText = "防災事務連絡システム" }).First).ToBeVisibleAsync();
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(box).Not.ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex("."));
        Assert.Empty(opened.ScriptErrors);
        Assert.Empty(opened.ConsoleErrors);
    }

    [Fact]
    public async Task ArrowUp_wraps_to_the_last_option_and_Escape_closes_the_list_leaving_the_text()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await TypeAsync(page, "ふく");
        await Expect(Options(page)).ToHaveCountAsync(8);

        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(Options(page).Last).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Options(page).First).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#question-suggestions")).ToBeHiddenAsync();
        await Expect(page.Locator("#question")).ToHaveValueAsync("ふく");
        await Expect(page.Locator(".answer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_tapped_suggestion_completes_the_last_part_of_the_question_and_asks_it()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;
        await TypeAsync(page, "保健福祉部 たぶ");
        var tablet = Options(page).Filter(new() { HasText = "タブレット" });
        await Expect(tablet).ToContainTextAsync("たぶれっと");

        await tablet.ClickAsync();

        await Expect(page.Locator(".question-bubble").Last).ToContainTextAsync("保健福祉部 タブレット");
        await Expect(page.Locator(".answer .chip[data-row='1-2']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Kana_still_being_composed_by_the_input_method_is_suggested_for()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.Locator("#question").FocusAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);

        // What an IME sends while the user types あいづ and has not converted it yet.
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "あいづ", ["selectionStart"] = 3, ["selectionEnd"] = 3 });

        await Expect(Options(page).First).ToContainTextAsync("会津大学IT起業家育成事業");
        await Expect(Options(page).Filter(new() { HasText = "会津大学" })).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_the_English_page_the_suggestions_are_labelled_in_English_and_marked_as_Japanese()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await TypeAsync(page, "たぶ");

        await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" })).ToBeVisibleAsync();
        await Expect(Options(page).First.Locator(".typeahead-text")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.Locator("#suggestions-status")).ToContainTextAsync("suggestions");
        await page.Keyboard.PressAsync("ArrowDown");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_search_pages_words_box_is_a_combobox_whose_pick_searches()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;
        var box = page.Locator("#q");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.FocusAsync();
        await page.Keyboard.TypeAsync("たぶ");
        await Expect(page.Locator("#q-suggestions")).ToHaveAttributeAsync("data-for", "たぶ");
        await Expect(page.Locator("#q-suggestions [role='option']").First).ToContainTextAsync("タブレット");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "q-suggestions-0");
        await Axe.AssertNoViolationsAsync(page);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=%E3%82%BF%E3%83%96%E3%83%AC%E3%83%83%E3%83%88$"));
        await Expect(page.Locator("#q")).ToHaveValueAsync("タブレット");
        await Expect(page.Locator(".result").First).ToBeVisibleAsync();
        Assert.Empty(opened.ScriptErrors);
    }

    [Fact]
    public async Task Screenshot_of_the_suggestions()
    {
        await using var opened = await browser.OpenAsync("/", width: 900, height: 700);
        var page = opened.Page;
        await TypeAsync(page, "ぼうさい");
        await Expect(Options(page).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Options(page).Nth(1)).ToHaveAttributeAsync("aria-selected", "true");

        Assert.True(File.Exists(await Screenshots.SaveAsync(page, "suggestions.png", fullPage: false)));
    }
}
