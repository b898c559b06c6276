using System.Diagnostics;
using System.Text;

namespace IctPlanAssistant.Testing;

/// <summary>
/// The real web host in its own process on a free loopback port (<c>dotnet IctPlanAssistant.Web.dll --urls …</c>),
/// with the environment given; it is ready when /healthz answers. Its output is kept for assertions on logs.
/// </summary>
public sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WebHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<WebHostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? ProcessRunner.FreePort()}");
        // These tests load the host from one address: the rate limits are off unless a test turns them on.
        var settings = new Dictionary<string, string>(environment);
        settings.TryAdd("RateLimiting__Enabled", "false");
        var process = ProcessRunner.Start(ProcessRunner.Dotnet, [RepositoryPaths.Beside("IctPlanAssistant.Web.dll"), "--urls", address.ToString().TrimEnd('/')], workingDirectory, settings);
        var host = new WebHostProcess(process, address);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException("the web host exited:\n" + host.Log);
            try
            {
                if ((await client.GetAsync(new Uri(address, "/healthz"))).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await host.DisposeAsync();
        throw new TimeoutException("the web host did not answer /healthz:\n" + host.Log);
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
