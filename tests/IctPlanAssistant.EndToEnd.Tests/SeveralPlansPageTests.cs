using System.Text.RegularExpressions;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>A host over two plans: the bundled plan as <c>y2017</c> and again as <c>y2018</c>.</summary>
public sealed class TwoPlansBrowser : BrowserHost
{
    private static readonly string Bundled = Path.Combine(PlanSource.BundledDirectory, "fukushima-ict-action-plan-2017.txt");

    protected override PlanWebHost CreateHost() => new(planSources: [$"y2017={Bundled}", $"y2018={Bundled}"]);
}

/// <summary>In an index of several plans, the pages let the user keep to one.</summary>
public sealed class SeveralPlansPageTests(TwoPlansBrowser browser) : IClassFixture<TwoPlansBrowser>
{
    [Fact]
    public async Task The_search_page_offers_each_plan_and_filters_by_the_one_chosen()
    {
        await using var opened = await browser.OpenAsync("/search?q=タブレット&department=保健福祉部");
        var page = opened.Page;
        await Expect(page.Locator("#summary")).ToHaveTextAsync("4件");
        await Expect(page.Locator("#plan-field")).ToBeVisibleAsync();
        await Expect(page.Locator("#plan option")).ToHaveTextAsync(["すべて", "y2017", "y2018"]);

        await page.Locator("#plan").SelectOptionAsync("y2018");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("[?&]plan=y2018"));
        await Expect(page.Locator("#summary")).ToHaveTextAsync("2件");
        var rows = await page.Locator(".result").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)");
        Assert.Equal(["y2018:1-2", "y2018:3-8"], rows.Order(StringComparer.Ordinal));
        Assert.Empty(opened.ScriptErrors);
    }

    [Fact]
    public async Task The_chat_opened_for_one_plan_answers_from_that_plan()
    {
        await using var opened = await browser.OpenAsync("/?plan=y2017");
        var page = opened.Page;

        await page.Locator("#question").FillAsync("保健福祉部でタブレットを使う事業は？");
        await page.Locator("#question").PressAsync("Enter");

        var answer = page.Locator(".answer").Last;
        await Expect(answer.Locator(".chip[data-row='y2017:1-2']")).ToBeVisibleAsync();
        await Expect(answer.Locator(".chip[data-row='y2017:3-8']")).ToBeVisibleAsync();
        await Expect(answer.Locator(".chip[data-row^='y2018']")).ToHaveCountAsync(0);
    }
}
