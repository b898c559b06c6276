using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using System.Text.Json;
using IctPlanAssistant.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>
/// The rate limits of /api/ask, /api/search and /api/messages (one design): each browser (its cookie) or channel user
/// has its own limit, so people behind one address are not one client, and the address has a ceiling for all of
/// them; over either, a 429 problem says whose limit it is and when to retry.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PlanWebHost _host = new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Ask:PermitLimit"] = "2",
        ["RateLimiting:Ask:AddressPermitLimit"] = "5",
        ["RateLimiting:Ask:Window"] = "01:00:00",
        ["RateLimiting:Search:PermitLimit"] = "2",
        ["RateLimiting:Search:Window"] = "01:00:00",
        ["RateLimiting:Messages:PermitLimit"] = "2",
        ["RateLimiting:Messages:Window"] = "01:00:00",
    });

    /// <summary>A browser: it has the cookie the pages set before it asks anything.</summary>
    private async Task<HttpClient> BrowserAsync()
    {
        var client = _host.CreateHttpClient();
        (await client.GetAsync("/")).Dispose();
        return client;
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    public async Task A_user_over_their_question_limit_gets_a_429_that_says_it_is_their_limit_and_when_to_retry(string accept)
    {
        using var client = await BrowserAsync();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var problem = await ProblemJson.ReadAsync(refused);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.Equal("client", problem.GetProperty("scope").GetString());
        Assert.Equal(retryAfter, problem.GetProperty("retryAfter").GetInt32());
        Assert.Contains("limit for one user", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task People_behind_one_address_each_have_their_own_limit()
    {
        using var first = await BrowserAsync();
        using var second = await BrowserAsync();
        for (var i = 0; i < 2; i++) (await first.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" })).Dispose();

        using var refused = await first.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });
        using var other = await second.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_client_that_takes_a_new_identity_each_time_is_held_by_its_addresss_ceiling()
    {
        var statuses = new List<HttpStatusCode>();
        JsonElement? last = null;
        for (var i = 0; i < 7; i++)
        {
            using var fresh = await BrowserAsync(); // a new cookie each time
            using var response = await fresh.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) last = await ProblemJson.ReadAsync(response);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.Equal("address", last!.Value.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_each_forwarded_address_has_its_own_ceiling()
    {
        // Scripts that keep no cookie count as their (forwarded) address.
        using var first = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.BaseAddress };
        using var second = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _host.BaseAddress };
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        for (var i = 0; i < 2; i++) (await first.GetAsync("/api/search?q=タブレット")).Dispose();

        using var refused = await first.GetAsync("/api/search?q=タブレット");
        using var other = await second.GetAsync("/api/search?q=タブレット");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Search_is_limited_too_and_rows_stay_open()
    {
        using var client = await BrowserAsync();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=" + new string('1', 26))).StatusCode);

        using var search = await client.GetAsync("/api/search?q=タブレット");
        using var csv = await client.GetAsync("/api/search/csv?q=タブレット");
        using var row = await client.GetAsync("/api/rows/1-2");

        Assert.Equal(HttpStatusCode.TooManyRequests, search.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, row.StatusCode);
        Assert.Equal("rate-limited", (await ProblemJson.ReadAsync(search)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_bot_endpoint_is_limited_per_channel_user_like_the_questions()
    {
        using var client = _host.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await PostExpectingRepliesAsync(client, "29:user-a")).StatusCode);
        var otherUser = await PostExpectingRepliesAsync(client, "29:user-b");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostExpectingRepliesAsync(HttpClient client, string user)
    {
        var activity = IctPlanAssistant.Bot.Tests.Support.Activities.WebChat("http://127.0.0.1:9/", "ドローンを活用した事業は？");
        activity["deliveryMode"] = "expectReplies";
        activity["from"]!["id"] = user;
        activity["from"]!.AsObject().Remove("aadObjectId");
        return await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
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
