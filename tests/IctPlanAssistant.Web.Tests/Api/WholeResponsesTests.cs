using System.Net;
using System.Net.Http.Json;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>
/// API responses go out whole, with their length, so that a proxy never holds half a response from a host that
/// died (it could not retry the request elsewhere); streams stay streams.
/// </summary>
[Collection(BundledPlanCollection.Name)]
public sealed class WholeResponsesTests(BundledPlanHost host)
{
    [Theory]
    [InlineData("/api/search?q=%E3%82%BF%E3%83%96%E3%83%AC%E3%83%83%E3%83%88&top=5")]
    [InlineData("/api/rows/1-2")]
    [InlineData("/api/rows/9-99")]
    public async Task A_json_response_carries_its_content_length_and_is_not_chunked(string url)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task An_answer_carries_its_content_length()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "タブレットを使っている事業は？" });
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_streamed_answer_stays_a_stream()
    {
        using var client = host.Client();
        using var request = AskRequests.Ask("タブレットを使っている事業は？");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Contains("event: answer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bot_reply_carries_its_content_length()
    {
        using var client = host.Client();
        var activity = new
        {
            type = "message", id = "m1", channelId = "emulator", serviceUrl = "http://127.0.0.1:9/", deliveryMode = "expectReplies",
            locale = "ja-JP", from = new { id = "user" }, recipient = new { id = "bot" }, conversation = new { id = "whole-1" },
            text = "タブレットを使っている事業は？",
        };

        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("タブレット", System.Text.Encoding.UTF8.GetString(body));
    }
}
