using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>One request the bot made to the connector, and the activity id the stub gave it.</summary>
public sealed record ConnectorCall(string Method, string RawPath, string? Authorization, JsonObject? Body, string ResponseId, int BodyBytes)
{
    public string? Type => Body?["type"]?.GetValue<string>();
}

/// <summary>
/// A small Bot Connector on loopback, as a channel runs one: it records what the bot posts to
/// <c>{serviceUrl}v3/conversations/…</c> and answers 201 with an id. It also serves what the tests' channel needs
/// around it: the OpenID metadata and JWKS of a <see cref="TestIssuer"/>, and an Entra-like token endpoint for the
/// bot's outbound tokens (MSAL's requests are redirected here by the test host).
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<Uri> _redirects = new();
    private int _tokenRequests;
    private int _activityPosts;
    private int _ids;

    private ConnectorStub(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>A Teams-style serviceUrl: a path of its own and a trailing slash.</summary>
    public string TeamsServiceUrl => new Uri(BaseUri, "amer/").AbsoluteUri;

    public string ServiceUrl => BaseUri.AbsoluteUri;

    public string OpenIdMetadataUrl => new Uri(BaseUri, ".well-known/openid-configuration").AbsoluteUri;

    /// <summary>Entra ID's metadata as a tenant publishes it (the same keys, Entra's issuer).</summary>
    public string EntraOpenIdMetadataUrl => new Uri(BaseUri, "entra/v2.0/.well-known/openid-configuration").AbsoluteUri;

    /// <summary>While set, the token endpoint refuses the bot's secret as Entra does when it has expired (401 invalid_client).</summary>
    public bool RefuseClientSecret { get; set; }

    /// <summary>The next activity posts are answered 307 to this address (a serviceUrl that redirects the reply elsewhere).</summary>
    public void RedirectNext(Uri target, int times = 10)
    {
        for (var i = 0; i < times; i++) _redirects.Enqueue(target);
    }

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Every POST of an activity, failed ones included (to count retries).</summary>
    public int ActivityPosts => Volatile.Read(ref _activityPosts);

    /// <summary>The next activity posts are answered with these statuses (429, 503…) before the stub accepts again.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var s in statuses) _failures.Enqueue(s);
    }

    public IReadOnlyList<ConnectorCall> CallsFor(string conversationId) =>
        Calls.Where(c => c.Body?["conversation"]?["id"]?.GetValue<string>() == conversationId).ToList();

    /// <summary>Waits until the conversation has <paramref name="messages"/> message activities, and returns all its calls.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForMessagesAsync(string conversationId, int messages = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var calls = CallsFor(conversationId);
            if (calls.Count(c => c.Type == "message") >= messages) return calls;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no {messages} message(s) reached the connector in conversation {conversationId} (posts {ActivityPosts}, failures left {_failures.Count}); calls: {string.Join(", ", Calls.Select(c => c.RawPath))}");
    }

    public static async Task<ConnectorStub> StartAsync(TestIssuer? issuer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ConnectorStub? stub = null;

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(TestIssuer.Metadata(stub!.BaseUri)));
        app.MapGet("/entra/v2.0/.well-known/openid-configuration", () => Results.Json(TestIssuer.Metadata(stub!.BaseUri, TestIssuer.EntraIssuer())));
        app.MapGet("/.well-known/keys", () => issuer is null ? Results.NotFound() : Results.Json(issuer.Jwks()));
        app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant) =>
        {
            Interlocked.Increment(ref stub!._tokenRequests);
            if (stub.RefuseClientSecret)
                return Results.Json(new JsonObject
                {
                    ["error"] = "invalid_client",
                    ["error_description"] = "AADSTS7000222: The provided client secret keys for app '11111111-2222-3333-4444-555555555555' are expired.",
                    ["error_codes"] = new JsonArray(7000222),
                }, statusCode: StatusCodes.Status401Unauthorized);
            return Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"outbound-token-for-{tenant}",
            });
        });
        // A lambda of HttpContext alone is a RequestDelegate, whose IResult would be dropped: execute it.
        app.Map("/{**path}", async (HttpContext http) => await (await stub!.RecordAsync(http)).ExecuteAsync(http));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new ConnectorStub(app, new Uri(address.TrimEnd('/') + "/"));
        return stub;
    }

    private async Task<IResult> RecordAsync(HttpContext http)
    {
        // The path as the bot sent it, escapes and all.
        var raw = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToUriComponent();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        JsonObject? body = null;
        try
        {
            body = JsonSerializer.Deserialize<JsonObject>(buffer.ToArray());
        }
        catch (JsonException)
        {
        }
        if (http.Request.Method == "POST" && raw.Contains("/v3/conversations/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _activityPosts);
            if (_failures.TryDequeue(out var status))
                return Results.StatusCode(status);
            if (_redirects.TryDequeue(out var target))
            {
                _calls.Enqueue(new ConnectorCall(http.Request.Method, raw, http.Request.Headers.Authorization.ToString() is { Length: > 0 } r ? r : null, body, "redirected", (int)buffer.Length));
                http.Response.Headers.Location = target.AbsoluteUri;
                return Results.StatusCode(StatusCodes.Status307TemporaryRedirect);
            }
        }
        var id = $"activity-{Interlocked.Increment(ref _ids)}";
        _calls.Enqueue(new ConnectorCall(http.Request.Method, raw, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, id, (int)buffer.Length));
        return Results.Json(new JsonObject { ["id"] = id }, statusCode: StatusCodes.Status201Created);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
