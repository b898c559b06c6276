using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Tests.Support;

/// <summary>One chat completion request as the server received it.</summary>
public sealed class ChatRequest(JsonObject body)
{
    public JsonObject Body { get; } = body;

    public JsonArray Messages => Body["messages"]!.AsArray();

    public bool Stream => Body["stream"]?.GetValue<bool>() == true;

    public bool HasTools => Body["tools"] is JsonArray { Count: > 0 };

    public IReadOnlyList<string> ContentsOf(string role) =>
        Messages.Where(m => m!["role"]!.GetValue<string>() == role).Select(m => Content(m!)).ToList();

    public string System => string.Join("\n", ContentsOf("system"));

    public string User => string.Join("\n", ContentsOf("user"));

    /// <summary>The answer prompt's rows block, as sent: one JSON object a line.</summary>
    public IReadOnlyList<JsonObject> Rows => Block(User, "ROWS").Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    public IReadOnlyList<string> ToolResults => ContentsOf("tool");

    /// <summary>The gloss prompt's answer: a line "id TAB gloss" for each row id of its names block.</summary>
    public Reply GlossReply(Func<string, string> gloss) =>
        new Reply.Text(string.Join('\n', Block(User, "NAMES").Select(line => line.Split('\t')[0]).Select(id => $"{id}\t{gloss(id)}")));

    /// <summary>Which prompt of prompts/ this request came from, by the instructions it carries.</summary>
    public bool IsAnswer => User.Contains("-----BEGIN ROWS-----", StringComparison.Ordinal);

    public bool IsFollowUps => User.Contains("-----BEGIN ANSWER-----", StringComparison.Ordinal);

    public bool IsGloss => User.Contains("-----BEGIN NAMES-----", StringComparison.Ordinal);

    public bool IsRewrite => !IsAnswer && !IsFollowUps && !IsGloss;

    public static IReadOnlyList<string> Block(string text, string name)
    {
        var start = text.IndexOf($"-----BEGIN {name}-----", StringComparison.Ordinal);
        var end = text.IndexOf($"-----END {name}-----", StringComparison.Ordinal);
        if (start < 0 || end < 0) return [];
        var inner = text[(start + $"-----BEGIN {name}-----".Length)..end];
        return inner.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string Content(JsonNode message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}

/// <summary>What the scripted server does with one request.</summary>
public abstract record Reply
{
    /// <summary>An assistant message (streamed in <paramref name="Chunks"/> pieces when the client asks for a stream).</summary>
    public sealed record Text(params string[] Chunks) : Reply;

    /// <summary>A call of one of the kernel's functions (named plugin-function).</summary>
    public sealed record ToolCall(string Function, string Arguments) : Reply;

    public sealed record Status(int Code, string? RetryAfter = null) : Reply;

    /// <summary>Never answers: the client must give up.</summary>
    public sealed record Hang : Reply;

    /// <summary>200 with a body that is not JSON.</summary>
    public sealed record Malformed : Reply;

    /// <summary>Closes the connection and stops the server: later requests are refused.</summary>
    public sealed record StopServer : Reply;
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (Kestrel, a free port) for the real Semantic Kernel connector:
/// /v1/chat/completions answered by a script (JSON or server-sent events, tool calls, errors, hangs), and
/// /v1/embeddings answered by a deterministic embedding function.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _embeddingInputs = new();
    private readonly Func<ChatRequest, Reply> _script;
    private readonly Func<string, float[]>? _embed;
    private int _stopped;

    private FakeOpenAIServer(Func<ChatRequest, Reply> script, Func<string, float[]>? embed)
    {
        _script = script;
        _embed = embed;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", HandleChat);
        _app.MapPost("/v1/embeddings", HandleEmbeddings);
    }

    public static async Task<FakeOpenAIServer> StartAsync(Func<ChatRequest, Reply> script, Func<string, float[]>? embed = null)
    {
        var server = new FakeOpenAIServer(script, embed);
        await server._app.StartAsync();
        return server;
    }

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");

    public IReadOnlyList<ChatRequest> Requests => _requests.ToList();

    public IReadOnlyList<IReadOnlyList<string>> EmbeddingInputs => _embeddingInputs.ToList();

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0) await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleChat(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var request = new ChatRequest(body);
        _requests.Enqueue(request);
        var reply = _script(request);
        var model = body["model"]?.GetValue<string>() ?? "model";
        switch (reply)
        {
            case Reply.Status s:
                http.Response.StatusCode = s.Code;
                if (s.RetryAfter is not null) http.Response.Headers.RetryAfter = s.RetryAfter;
                await http.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {s.Code}", type = "server_error" } });
                return;
            case Reply.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Reply.Malformed:
                http.Response.ContentType = request.Stream ? "text/event-stream" : "application/json";
                await http.Response.WriteAsync(request.Stream ? "data: {\"choices\": [ {\"delta\": \n\n" : "{\"id\": \"x\", \"choices\": [ {\"message\": ");
                return;
            case Reply.StopServer:
                http.Abort();
                _ = Task.Run(StopAsync);
                return;
            case Reply.Text t when request.Stream:
                await WriteEvents(http, t.Chunks.Select(c => Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = c }, null)).Append(Chunk(model, new JsonObject(), "stop")));
                return;
            case Reply.Text t:
                await WriteJson(http, Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(t.Chunks) }, "stop"));
                return;
            case Reply.ToolCall call when request.Stream:
                var delta = new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(ToolCallJson(call, index: true)) };
                await WriteEvents(http, [Chunk(model, delta, null), Chunk(model, new JsonObject(), "tool_calls")]);
                return;
            case Reply.ToolCall call:
                await WriteJson(http, Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(ToolCallJson(call, index: false)) }, "tool_calls"));
                return;
        }
    }

    private async Task HandleEmbeddings(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        _embeddingInputs.Enqueue(inputs);
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = (_embed ?? (_ => [1f]))(inputs[i]);
            JsonNode embedding = base64 ? JsonValue.Create(ToBase64(vector)) : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        await WriteJson(http, new JsonObject { ["object"] = "list", ["data"] = data, ["model"] = body["model"]?.GetValue<string>(), ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 } });
    }

    private static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * 4];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    private static JsonObject ToolCallJson(Reply.ToolCall call, bool index)
    {
        var json = new JsonObject
        {
            ["id"] = "call_" + Guid.NewGuid().ToString("N")[..8],
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Function, ["arguments"] = call.Arguments },
        };
        if (index) json["index"] = 0;
        return json;
    }

    private static JsonObject Completion(string model, JsonObject message, string finish) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    };

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteJson(HttpContext http, JsonObject json)
    {
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json.ToJsonString());
    }

    private static async Task WriteEvents(HttpContext http, IEnumerable<JsonObject> chunks)
    {
        http.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8);
            await http.Response.Body.FlushAsync();
        }
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }
}
