using System.Diagnostics;
using System.Text;

namespace IctPlanAssistant.Testing;

/// <summary>What one run of a process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs real processes: the ictplan command through dotnet, scripts, servers.</summary>
public static class ProcessRunner
{
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet ictplan.dll ARGS</c>, the CLI as its project built it.</summary>
    public static Task<ProcessResult> IctplanAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(Dotnet, [RepositoryPaths.CliDll, .. args], workingDirectory, environment, TimeSpan.FromMinutes(3));

    public static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(file, args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a process with its output redirected; the caller reads or drains it.</summary>
    public static Process Start(string file, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("Index__Path");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>A TCP port free on loopback now.</summary>
    public static int FreePort() => FreePorts(1);

    /// <summary>
    /// The first of <paramref name="count"/> consecutive TCP ports free on loopback now. They are taken below the
    /// ephemeral range (32768 and up), where the kernel would also hand them to the outgoing connections of the
    /// tests running beside this one.
    /// </summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000 - count);
            if (Enumerable.Range(first, count).All(IsFree)) return first;
        }
        throw new InvalidOperationException($"found no {count} consecutive free ports on loopback");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>The path of a program on PATH, or null.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, program))
            .Concat([Path.Combine("/usr/sbin", program), Path.Combine("/sbin", program)])
            .FirstOrDefault(File.Exists);
}
