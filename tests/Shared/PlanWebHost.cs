using System.Net;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Testing;

/// <summary>
/// The real web host (Program, Kestrel) listening on 127.0.0.1 at a free port, serving an index built in a temp
/// directory: from the bundled plan by default (the host builds it on start, as in production), or from the given
/// plan document. Settings override the configuration; rate limits are off unless a test turns them on.
/// </summary>
public sealed class PlanWebHost : WebApplicationFactory<Program>
{
    private readonly string _root = Directory.CreateTempSubdirectory("ictplan-web-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="planDocument">The plan to index (default: the host indexes the bundled plan).</param>
    /// <param name="planSources">Several plan sources instead, as <c>ingest --source</c> takes them (<c>KEY=PATH</c>).</param>
    public PlanWebHost(IReadOnlyDictionary<string, string?>? settings = null, string? planDocument = null, Action<IServiceCollection>? services = null,
        IReadOnlyList<string>? planSources = null)
    {
        IndexPath = Path.Combine(_root, "index");
        if (planSources is not null || planDocument is not null)
            new PlanIngestor(new IndexLocation(IndexPath)).Ingest(PlanSource.Resolve(planSources ?? [planDocument!]));
        _settings = new Dictionary<string, string?>
        {
            ["Index:Path"] = IndexPath,
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public string IndexPath { get; }

    /// <summary>The host's address, http://127.0.0.1:PORT/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client of the real server (not an in-memory one).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // As host settings too: what the host reads while it registers its services (AI:Provider) sees them, as it
        // sees environment variables in production; the app configuration source keeps them above appsettings.json.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the host's last reader; the temp directory is cleaned by the OS.
        }
    }
}
