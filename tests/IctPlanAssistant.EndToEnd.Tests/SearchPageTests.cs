using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Serialization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

public sealed partial class SearchPageTests(BundledPlanBrowser browser) : IClassFixture<BundledPlanBrowser>
{
    private const string Department = "保健福祉部";

    [Fact]
    public async Task Filtering_by_department_changes_the_count_and_the_facet_counts()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;
        await Expect(page.Locator("#summary")).ToHaveTextAsync(AllRows());
        var expected = int.Parse(await page.Locator($"#department-facets a[data-facet='{Department}'] .count").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(expected, 1, 102);

        await page.Locator("#department").SelectOptionAsync(Department);
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]department="));
        Assert.DoesNotContain("minBudget=", page.Url);
        await Expect(page.Locator("#summary")).ToHaveTextAsync($"{expected}件");
        await Expect(page.Locator("#department")).ToHaveValueAsync(Department);
        await Expect(page.Locator("#department-facets li")).ToHaveCountAsync(1);
        Assert.Equal(expected, (await Counts(page, "#section-facets")).Sum());
        await Expect(page.Locator(".result")).ToHaveCountAsync(expected);
        foreach (var meta in await page.Locator(".result .meta").AllTextContentsAsync()) Assert.Contains(Department, meta);
        await Expect(page.Locator("svg.bar-chart g")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_one_plan_index_shows_no_plan_filter()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;
        await Expect(page.Locator("#summary")).ToHaveTextAsync(AllRows());

        await Expect(page.Locator("#plan-field")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Choosing_a_facet_filters_by_it()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;
        var section = page.Locator("#section-facets a[data-facet='3']");
        var expected = (await section.Locator(".count").TextContentAsync())!;

        await section.ClickAsync();

        await Expect(page.Locator("#summary")).ToHaveTextAsync($"{expected}件");
        await Expect(page.Locator("#section")).ToHaveValueAsync("3");
        await Expect(page.Locator("#section-facets a[aria-current='true']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Exporting_csv_downloads_the_current_results_in_utf8_with_a_bom()
    {
        await using var opened = await browser.OpenAsync($"/search?department={Uri.EscapeDataString(Department)}&sort=budget-desc");
        var page = opened.Page;
        await Expect(page.Locator(".result").First).ToBeVisibleAsync();
        var ids = await page.Locator(".result").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#csv-link").ClickAsync());

        Assert.Matches($@"^ict-plan_{Department}_\d{{4}}-\d{{2}}-\d{{2}}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', PlanRowCsv.JapaneseColumns.Select(c => c.Header)), lines[0]);
        Assert.Equal(ids, lines[1..].Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]).ToArray());
        Assert.All(lines[1..], line => Assert.Contains($",{Department},", line));
    }

    [Fact]
    public async Task Sorting_by_budget_puts_the_largest_first()
    {
        await using var opened = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("システム"));
        var page = opened.Page;
        await Expect(page.Locator(".result").First).ToBeVisibleAsync();

        await page.Locator("#sort").SelectOptionAsync("budget-desc");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]sort=budget-desc"));
        await Expect(page.Locator(".result").First).ToBeVisibleAsync();
        var budgets = (await page.Locator(".result .budget").AllTextContentsAsync())
            .Select(text => Amount().Match(text) is { Success: true } m ? long.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture) : -1)
            .ToList();
        Assert.True(budgets.Count > 2);
        Assert.Equal(budgets.OrderByDescending(b => b), budgets);
    }

    [Fact]
    public async Task Filters_for_new_projects_and_a_budget_range_hold_for_every_result()
    {
        await using var opened = await browser.OpenAsync("/search?new=true&minBudget=5000");
        var page = opened.Page;

        await Expect(page.Locator(".result").First).ToBeVisibleAsync();

        await Expect(page.Locator("#new")).ToHaveValueAsync("true");
        await Expect(page.Locator("#minBudget")).ToHaveValueAsync("5000");
        var results = page.Locator(".result");
        var count = await results.CountAsync();
        await Expect(page.Locator(".result .badge")).ToHaveCountAsync(count);
        foreach (var text in await page.Locator(".result .budget").AllTextContentsAsync())
            Assert.True(long.Parse(Amount().Match(text).Value.Replace(",", ""), CultureInfo.InvariantCulture) >= 5000, text);
    }

    [Fact]
    public async Task Matches_are_highlighted_in_the_snippets()
    {
        await using var opened = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("タブレット"));
        var page = opened.Page;

        await Expect(page.Locator(".result").First).ToBeVisibleAsync();

        var marks = await page.Locator(".snippet mark").AllTextContentsAsync();
        Assert.Contains("タブレット", marks);
        await Expect(page.Locator("#interpretation")).ToContainTextAsync("タブレット");
    }

    [Fact]
    public async Task The_chart_draws_one_bar_per_department_of_the_results()
    {
        await using var opened = await browser.OpenAsync("/search");
        var page = opened.Page;
        await Expect(page.Locator("#summary")).ToHaveTextAsync(AllRows());

        var departments = await page.Locator("#department-facets li").CountAsync();

        await Expect(page.Locator("svg.bar-chart g")).ToHaveCountAsync(departments);
        await Expect(page.Locator("svg.bar-chart")).ToHaveAttributeAsync("role", "img");
        await Expect(page.Locator($"svg.bar-chart g[data-department='{Department}'] .chart-value")).ToHaveTextAsync(Amount());
    }

    [Fact]
    public async Task A_result_opens_its_row_page()
    {
        await using var opened = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("見守り"));
        var page = opened.Page;

        await page.Locator(".result[data-row='1-2'] h3 a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/rows/1-2$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("避難者見守り活動支援事業");
    }

    [Fact]
    public async Task An_unknown_row_says_so()
    {
        await using var opened = await browser.OpenAsync("/rows/9-99");

        await Expect(opened.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("事業 9-99 は見つかりませんでした。");
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/rows/4-13")]
    public async Task On_a_360_px_phone_the_page_does_not_scroll_sideways(string url)
    {
        await using var opened = await browser.OpenAsync(url, width: 360, height: 740);

        await Expect(opened.Page.Locator("#summary, dd[data-field='source']").First).Not.ToBeEmptyAsync();
        await Expect(opened.Page.Locator(".result, dd").First).ToBeVisibleAsync();

        Assert.False(await opened.ScrollsHorizontallyAsync());
    }

    [Fact]
    public async Task Screenshot_of_the_search_page()
    {
        await using var opened = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("タブレット"), width: 1200, height: 900);
        await Expect(opened.Page.Locator("svg.bar-chart")).ToBeVisibleAsync();

        Assert.True(File.Exists(await Screenshots.SaveAsync(opened.Page, "search.png")));
    }

    private static async Task<List<int>> Counts(IPage page, string list) =>
        (await page.Locator($"{list} .count").AllTextContentsAsync()).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();

    // The page shows the first 50 of the 103 rows, and says so.
    [GeneratedRegex(@"^103件")]
    private static partial Regex AllRows();

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Amount();
}
