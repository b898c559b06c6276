using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Web.Tests.Api;

public sealed class RateLimitTests : IDisposable
{
    private readonly PlanWebHost _host = new(new Dictionary<string, string?>
    {
        ["RateLimiting:Ask:PermitLimit"] = "2",
        ["RateLimiting:Ask:Window"] = "01:00:00",
    });

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    public async Task A_client_over_its_question_limit_gets_a_429_problem_with_retry_after(string accept)
    {
        using var client = _host.CreateHttpClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal("busy", (await ProblemJson.ReadAsync(refused)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_each_forwarded_client_has_its_own_limit()
    {
        using var first = _host.CreateHttpClient();
        using var second = _host.CreateHttpClient();
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        for (var i = 0; i < 3; i++) (await first.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" })).Dispose();

        using var refused = await first.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });
        using var other = await second.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_on_questions_only_so_search_and_rows_stay_open()
    {
        using var client = _host.CreateHttpClient();
        for (var i = 0; i < 3; i++) (await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" })).Dispose();

        using var search = await client.GetAsync("/api/search?q=タブレット");
        using var row = await client.GetAsync("/api/rows/1-2");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, row.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}

public sealed class FailingServiceTests : IDisposable
{
    private readonly PlanWebHost _host = new(services: s => s.AddSingleton<IAnswerComposer, BrokenComposer>());

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    public async Task A_failure_while_answering_is_a_500_problem_that_tells_nothing_of_the_internals(string accept)
    {
        using var client = _host.CreateHttpClient();
        using var request = AskRequests.Ask("新規の事業は？", streamed: accept == "text/event-stream");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await ProblemJson.ReadAsync(response);
        Assert.DoesNotContain(BrokenComposer.Secret, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _host.Dispose();

    /// <summary>A composer whose service is down.</summary>
    private sealed class BrokenComposer : IAnswerComposer
    {
        public const string Secret = "connection string with a password";

        public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) => throw new HttpRequestException(Secret);

        public IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, CancellationToken cancellationToken) => throw new HttpRequestException(Secret);
    }
}

public sealed class MidStreamFailureTests : IDisposable
{
    private readonly PlanWebHost _host = new(services: s => s.AddSingleton<IAnswerComposer, FailingAfterDraftComposer>());

    [Fact]
    public async Task A_failure_after_the_stream_started_ends_it_with_an_error_event_in_problem_form()
    {
        using var client = _host.CreateHttpClient();
        using var request = AskRequests.Ask("新規の事業は？");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new List<System.Net.ServerSentEvents.SseItem<string>>();
        await foreach (var item in System.Net.ServerSentEvents.SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync()) events.Add(item);
        Assert.Equal(["delta", "error"], events.Select(e => e.EventType));
        using var problem = System.Text.Json.JsonDocument.Parse(events[1].Data);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("answer-failed", problem.RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain(FailingAfterDraftComposer.Secret, events[1].Data);
    }

    public void Dispose() => _host.Dispose();

    /// <summary>A model that writes a little, then loses its connection.</summary>
    private sealed class FailingAfterDraftComposer : IAnswerComposer
    {
        public const string Secret = "upstream reset by 10.0.0.7";

        public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) => throw new HttpRequestException(Secret);

        public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return AnswerUpdate.Delta("新規の事業は");
            await Task.Yield();
            throw new HttpRequestException(Secret);
        }
    }
}
