using Microsoft.Playwright;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// Where the tests save screenshots: ICTPLAN_SCREENSHOTS (scripts/screenshots.sh points it at docs/screenshots),
/// or the test output directory, so an ordinary test run leaves the repository as it was.
/// </summary>
internal static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = true)
    {
        var directory = Environment.GetEnvironmentVariable("ICTPLAN_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
