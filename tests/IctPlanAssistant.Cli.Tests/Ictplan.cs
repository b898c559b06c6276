using System.Diagnostics;
using System.Text;

namespace IctPlanAssistant.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the real <c>ictplan</c> command: <c>dotnet ictplan.dll ...</c>, as the CLI project built it.</summary>
internal static class Ictplan
{
    public static string Dll => RepositoryPaths.CliDll;

    /// <summary>Runs the command in <paramref name="workingDirectory"/> (so no appsettings.json of the repo is read).</summary>
    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        RunWithInputAsync(workingDirectory, new Dictionary<string, string>(), stdin: null, args);

    /// <summary>Runs the command with extra environment variables (settings such as <c>AI__Provider</c>).</summary>
    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWithInputAsync(workingDirectory, environment, stdin: null, args);

    /// <summary>Runs the command with <paramref name="stdin"/> written to its standard input (UTF-8), then closed.</summary>
    public static Task<CliResult> RunWithInputAsync(string workingDirectory, string? stdin, params string[] args) =>
        RunWithInputAsync(workingDirectory, new Dictionary<string, string>(), stdin, args);

    public static async Task<CliResult> RunWithInputAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("Index__Path");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ictplan {string.Join(' ', args)} did not finish in 60 s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

