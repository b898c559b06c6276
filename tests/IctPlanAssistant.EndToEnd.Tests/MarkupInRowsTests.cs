using IctPlanAssistant.Testing;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// A host over TestPlans/markup-plan.txt, whose cells hold entity-escaped markup (&lt;script&gt;, &lt;img onerror&gt;,
/// a javascript: link): the ingestion decodes it to literal characters, so the rows' fields hold real-looking tags.
/// </summary>
public sealed class MarkupPlanBrowser : BrowserHost
{
    protected override PlanWebHost CreateHost() => new(planDocument: Path.Combine(AppContext.BaseDirectory, "TestPlans", "markup-plan.txt"));
}

public sealed class MarkupInRowsTests(MarkupPlanBrowser browser) : IClassFixture<MarkupPlanBrowser>
{
    // Elements the row text would create if it were read as HTML, and scripts that are not the pages' own.
    private const string InjectedElements = """
        () => [
          document.querySelectorAll('img, iframe, object, embed, b, svg:not(.bar-chart), [onerror], [onload], a[href^="javascript:" i]').length,
          [...document.scripts].filter(s => !s.src.startsWith(location.origin + '/js/')).length,
        ]
        """;

    [Fact]
    public async Task The_row_page_shows_markup_in_fields_as_text_and_runs_nothing()
    {
        await using var opened = await browser.OpenAsync("/rows/1-1");
        var page = opened.Page;

        await Expect(page.Locator("h1")).ToHaveTextAsync("タブレット見守り事業<script>alert(1)</script>");
        await Expect(page.Locator("dd[data-field='summary']")).ToHaveTextAsync("タブレット端末で見守る。<img src=x onerror=alert(1)>");
        await Expect(page.Locator("dd[data-field='results']")).ToContainTextAsync("<script>alert(2)</script>");
        await Expect(page.Locator("dd[data-field='source']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("・柱1「[^」]+」・整理番号1$"));
        await AssertNothingRanAsync(opened);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=タブレット")]
    [InlineData("/search?q=配信")]
    public async Task Search_results_and_snippets_show_markup_as_text_and_run_nothing(string url)
    {
        await using var opened = await browser.OpenAsync(url);
        var page = opened.Page;

        await Expect(page.Locator(".result").First).ToBeVisibleAsync();
        var text = await page.Locator("#results").InnerTextAsync();
        Assert.Matches("<script>alert\\(1\\)</script>|<svg onload=alert\\(5\\)>|<a href=\"javascript:alert\\(4\\)\">", text);
        await AssertNothingRanAsync(opened);
    }

    [Theory]
    [InlineData("タブレット見守り事業について教えて", "1-1", "<script>alert(1)</script>")]
    [InlineData("防災メール配信事業は？", "1-2", "[押して](javascript:alert(3))")]
    [InlineData("観光の事業は？", "2-1", "<b>太字</b>")]
    public async Task An_answer_citing_such_rows_shows_their_markup_as_text_and_runs_nothing(string question, string row, string literal)
    {
        await using var opened = await browser.OpenAsync("/");
        var page = opened.Page;

        await page.Locator("#question").FillAsync(question);
        await page.Locator("#question").PressAsync("Enter");

        var chip = page.Locator($".answer .chip[data-row='{row}']");
        await Expect(chip).ToBeVisibleAsync();
        await Expect(chip).ToContainTextAsync(literal);
        await AssertNothingRanAsync(opened);
    }

    private static async Task AssertNothingRanAsync(BrowserPage opened)
    {
        var found = await opened.Page.EvaluateAsync<int[]>(InjectedElements);
        Assert.Equal([0, 0], found);
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.ScriptErrors);
    }
}
