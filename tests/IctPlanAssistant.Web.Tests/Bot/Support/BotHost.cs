using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Bot.Support;

/// <summary>
/// The web host as <see cref="PlanWebHost"/> runs it (Kestrel on a loopback port, its own index of the bundled plan),
/// with the Bot:* settings of the test, its logs captured, and MSAL's token requests sent to the test's endpoint.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly PlanWebHost _host;

    private BotHost(PlanWebHost host, LogCapture logs)
    {
        _host = host;
        Logs = logs;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri => _host.BaseAddress;

    public Uri MessagesUri => new(BaseUri, "api/messages");

    public HttpClient Http { get; }

    public IServiceProvider Services => _host.Services;

    public LogCapture Logs { get; }

    /// <summary>
    /// Starts a host. <paramref name="settings"/> are configuration keys (Bot:MicrosoftAppId…); <paramref name="tokenEndpoint"/>,
    /// when given, receives MSAL's token requests (Entra is not reachable from the tests).
    /// </summary>
    public static Task<BotHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        ConnectorStub? tokenEndpoint = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new LogCapture();
        var host = new PlanWebHost(settings, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            if (tokenEndpoint is not null) LoopbackTokenEndpoint.Use(s, tokenEndpoint);
            services?.Invoke(s);
        });
        return Task.FromResult(new BotHost(host, logs));
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
        await _host.DisposeAsync();
    }
}
