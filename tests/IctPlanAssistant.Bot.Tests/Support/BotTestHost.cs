using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>
/// The Bot Framework endpoint as a web host maps it (AddBotFramework, MapBotEndpoint, the authentication middleware),
/// around the <see cref="ScriptedBot"/>: Kestrel on a loopback port, in Production, with the test's Bot:* settings,
/// its logs captured and MSAL's token requests sent to the test's endpoint.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, Uri baseUri, LogCapture logs)
    {
        _app = app;
        BaseUri = baseUri;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUri { get; }

    public Uri MessagesUri => new(BaseUri, "api/messages");

    public HttpClient Http { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public BotScript Script => Services.GetRequiredService<BotScript>();

    /// <param name="settings">Configuration keys (Bot:MicrosoftAppId…).</param>
    /// <param name="tokenEndpoint">Receives MSAL's token requests.</param>
    /// <param name="listenOn">The address to listen on (default: loopback).</param>
    public static async Task<BotTestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        ConnectorStub? tokenEndpoint = null,
        Action<IServiceCollection>? services = null,
        IPAddress? listenOn = null)
    {
        var logs = new LogCapture();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseKestrel(k => k.Listen(listenOn ?? IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<BotScript>();
        builder.Services.AddBotFramework<ScriptedBot>(builder.Configuration);
        if (tokenEndpoint is not null) LoopbackTokenEndpoint.Use(builder.Services, tokenEndpoint);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBotEndpoint();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var reachable = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        return new BotTestHost(app, new Uri(reachable.AbsoluteUri.TrimEnd('/') + "/"), logs);
    }

    /// <summary>POSTs an activity to /api/messages as a channel does, with a Bearer token when one is given.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) => PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
