using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IctPlanAssistant.Web.Bot.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Web.Tests.Bot.Support;

/// <summary>
/// The web host, run as in production on a loopback port (Kestrel, real HTTP), with its own index built from the
/// bundled plan in a temporary directory (Index:Path), and the Bot:* settings of the test.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _indexDirectory;

    private BotHost(WebApplicationFactory<Program> factory, string indexDirectory, Uri baseUri, LogCapture logs)
    {
        Logs = logs;
        _factory = factory;
        _indexDirectory = indexDirectory;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri { get; }

    public Uri MessagesUri => new(BaseUri, "api/messages");

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public LogCapture Logs { get; }

    /// <summary>
    /// Starts a host. <paramref name="settings"/> are configuration keys (Bot:MicrosoftAppId…); <paramref name="tokenEndpoint"/>,
    /// when given, receives MSAL's token requests (Entra is not reachable from the tests).
    /// </summary>
    public static Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        ConnectorStub? tokenEndpoint = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new LogCapture();
        var index = Path.Combine(Path.GetTempPath(), "ictplan-bot-tests", Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Index:Path", index);
            builder.UseSetting("Index:BuildBundledPlanIfMissing", "true");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureTestServices(s =>
            {
                if (tokenEndpoint is not null)
                {
                    s.AddHttpClient(MsalHttpClientFactory.ClientName)
                        .ConfigurePrimaryHttpMessageHandler(() => new RedirectToLoopback(tokenEndpoint.BaseUri));
                }
                services?.Invoke(s);
            });
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new BotHost(factory, index, new Uri(address.TrimEnd('/') + "/"), logs));
    }

    /// <summary>POSTs an activity to /api/messages as a channel does, with a Bearer token when one is given.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) =>
        await PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_indexDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Sends MSAL's requests for login.microsoftonline.com to the test's token endpoint instead.</summary>
    private sealed class RedirectToLoopback(Uri target) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
