using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

public sealed class AccessibilityTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    // Every form control with its accessible name from a <label>, aria-label or aria-labelledby.
    private const string UnnamedControls = """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter(c => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent.trim())))
          .map(c => c.outerHTML)
        """;

    // WCAG contrast of each visible text element against the first opaque background behind it; those under 4.5:1.
    private const string LowContrastText = """
        () => {
          const rgb = s => s.match(/[\d.]+/g).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = el => {
            for (let e = el; e; e = e.parentElement) {
              const c = getComputedStyle(e).backgroundColor;
              if (rgb(c)[3] !== 0 && c !== 'transparent') return rgb(c);
            }
            return [255, 255, 255];
          };
          const low = [];
          for (const el of document.querySelectorAll('body *')) {
            const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            if (!own || !el.checkVisibility() || el.closest('.visually-hidden, svg, option')) continue;
            const [l1, l2] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))].sort((a, b) => b - a);
            const ratio = (l1 + 0.05) / (l2 + 0.05);
            if (ratio < 4.5) low.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}: ${el.textContent.trim().slice(0, 20)}`);
          }
          return low;
        }
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=タブレット")]
    [InlineData("/rows/1-2")]
    public async Task Every_control_has_a_name_and_all_text_has_enough_contrast(string url)
    {
        await using var opened = await browser.OpenAsync(url);
        var page = opened.Page;
        if (url == "/")
        {
            await page.Locator("#question").FillAsync("保健福祉部でタブレットを使う事業は？");
            await page.Locator("#question").PressAsync("Enter");
            await Expect(page.Locator(".answer .followups")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.Locator(".result, dd").First).ToBeVisibleAsync();
        }

        Assert.Empty(await page.EvaluateAsync<string[]>(UnnamedControls));
        Assert.Empty(await page.EvaluateAsync<string[]>(LowContrastText));
    }

    [Fact]
    public async Task Axe_finds_nothing_on_the_chat_with_two_answers_and_furigana_on()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" }).ClickAsync();
        await ChatPageTests.AskAsync(page, ChatPageTests.TabletQuestion);
        await page.Locator(".followups button", new() { HasText = "いくら" }).ClickAsync();
        await Expect(page.Locator(".answer")).ToHaveCountAsync(2);
        await Expect(page.Locator(".answer").Nth(1).Locator(".chip ruby").First).ToBeVisibleAsync();

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Axe_finds_nothing_on_a_long_answer_and_a_not_found_answer_on_a_phone()
    {
        await using var opened = await browser.OpenAsync("/", width: 390, height: 844);
        var page = opened.Page;
        await ChatPageTests.AskAsync(page, "新規の事業はいくつありますか？");
        await ChatPageTests.AskAsync(page, "宇宙ロケットの打ち上げ事業は？");
        await Expect(page.Locator(".no-match .try-departments button").First).ToBeVisibleAsync();

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Axe_does_report_what_it_finds()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;
        await page.EvaluateAsync("() => document.getElementById('main').append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }))");

        var error = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Axe.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", error.Message);
    }

    [Theory]
    [InlineData("/rows/4-1")]
    [InlineData("/search?q=タブレット")]
    public async Task Axe_finds_nothing_on_the_row_page_with_furigana_and_on_the_search(string url)
    {
        await using var opened = await browser.OpenAsync(url);
        var page = opened.Page;
        if (url.StartsWith("/rows/", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "ふりがな" }).ClickAsync();
            await Expect(page.Locator("h1 ruby").First).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.Locator(".result").First).ToBeVisibleAsync();
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_chat_announces_answers_through_a_live_region_and_errors_as_alerts()
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await Expect(page.Locator("#announcer")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.Locator("#error")).ToHaveAttributeAsync("role", "alert");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "質問" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_leads_to_the_content()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
