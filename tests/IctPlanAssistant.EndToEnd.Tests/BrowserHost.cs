using IctPlanAssistant.Testing;
using Microsoft.Playwright;

namespace IctPlanAssistant.EndToEnd.Tests;

/// <summary>
/// One real web host and one Chromium for a test class. The browser is Debian's chromium at /usr/bin/chromium
/// (or ICTPLAN_CHROMIUM): Playwright drives it and never downloads a browser of its own.
/// </summary>
public abstract class BrowserHost : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PlanWebHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    protected virtual PlanWebHost CreateHost() => new();

    /// <summary>Starts what the host talks to (a scripted AI service), before the host.</summary>
    protected virtual Task StartServicesAsync() => Task.CompletedTask;

    protected virtual ValueTask StopServicesAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("ICTPLAN_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}, and it is not there. Install it with `scripts/install-deps.sh test` " +
                "(apt-get install chromium fonts-noto-cjk), or point ICTPLAN_CHROMIUM at a Chromium executable.");
        // How long an expectation waits for the page (not how fast it must be): the whole suite shares two cores
        // with other test projects' servers and load, where a first answer can take longer than the default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        await StartServicesAsync();
        Host = CreateHost();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page (own storage) on the host, recording dialogs and script errors.</summary>
    public async Task<BrowserPage> OpenAsync(string path = "/", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var opened = new BrowserPage(context, page);
        await page.GotoAsync(path);
        return opened;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Host?.Dispose();
        await StopServicesAsync();
    }
}

/// <summary>A page with what it did besides rendering: dialogs it opened and errors its scripts threw.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => ScriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Add(message.Text);
        };
    }

    public IPage Page { get; }

    public List<string> Dialogs { get; } = [];

    public List<string> ScriptErrors { get; } = [];

    /// <summary>Console errors, among them any Content-Security-Policy violation.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Whether the page is wider than its viewport (a horizontal scroll bar).</summary>
    public async Task<bool> ScrollsHorizontallyAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
