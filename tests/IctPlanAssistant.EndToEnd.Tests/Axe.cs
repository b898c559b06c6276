using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>axe-core (from the Deque.AxeCore.Playwright package, nothing downloaded) run in the page as it is now.</summary>
internal static class Axe
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, "axe-core found:\n" + string.Join("\n", result.Violations.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} — " +
        string.Join("; ", violation.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html));
}
