using System.Diagnostics;

namespace IctPlanAssistant.Web.Tests.Bot.Support;

/// <summary>
/// Runs the vendored botclient (tests/tools/botclient/channel.mjs: a channel built from Microsoft's npm packages)
/// against a host. It needs node and its npm packages, installed outside the repository by its setup.sh
/// (scripts/install-deps.sh test runs it); without them the tests fail and say what to install.
/// </summary>
public static class Botclient
{
    public sealed record Result(int ExitCode, string Summary, string Json, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}: {Stderr}";
    }

    public static string Directory { get; } = Path.Combine(IctPlanAssistant.Testing.RepositoryPaths.Root, "tests", "tools", "botclient");

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        RequireSetup();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("channel.mjs");
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var err = await stderr;
        var summary = err.Split('\n').FirstOrDefault(l => l.StartsWith("PASS", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal)) ?? "";
        return new Result(process.ExitCode, summary, await stdout, err);
    }

    private static void RequireSetup()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
            node.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("node is not installed: the botclient tests need Node 20 or newer (then run scripts/install-deps.sh test).");
        }
        var deps = Environment.GetEnvironmentVariable("BOTCLIENT_DEPS") is { Length: > 0 } d ? d : "/tmp/botclient-deps";
        var package = Path.Combine(deps, "node_modules", "@microsoft", "agents-activity");
        if (!System.IO.Directory.Exists(package) && !System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@microsoft", "agents-activity")))
            throw new InvalidOperationException($"botclient's npm packages are missing ({package}): run tests/tools/botclient/setup.sh, or scripts/install-deps.sh test.");
    }
}
