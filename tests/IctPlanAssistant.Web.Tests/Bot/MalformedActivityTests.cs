using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Web.Tests.Bot.Support;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>What is not a well-formed activity gets a 4xx, or a polite reply when it is a question the bot cannot take; never a 500.</summary>
public sealed class MalformedActivityTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    private ConnectorStub Connector => fixture.Connector;

    private BotHost Host => fixture.Host;

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("""{"text": "タイプがない"}""")]
    [InlineData("""{"type": "message", "text": 5}""")]
    [InlineData("""{"type": "message", "conversation": "not an object"}""")]
    public async Task A_body_that_is_not_an_activity_is_refused_with_400(string body)
    {
        var response = await Host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("from")]
    [InlineData("recipient")]
    [InlineData("channelId")]
    [InlineData("serviceUrl")]
    public async Task A_message_without_what_a_reply_needs_is_refused_with_400(string field)
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "ドローンを活用した事業は？");
        inbound.Remove(field);

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    public async Task A_message_with_an_unusable_service_url_is_refused_with_400(string serviceUrl)
    {
        var response = await Host.PostAsync(Activities.WebChat(serviceUrl, "ドローンを活用した事業は？"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var response = await Host.PostRawAsync("type=message&text=hello", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, new string('あ', 300_000));

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_question_is_answered_politely_with_the_limit()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, string.Concat(Enumerable.Repeat("タブレットを使う事業は？", 2_000)));

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.Contains("500文字以内", reply["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<at>ICT計画ボット</at>")]
    public async Task An_empty_question_is_answered_with_an_example(string text)
    {
        var inbound = Activities.TeamsChannel(Connector.TeamsServiceUrl, "");
        inbound["text"] = text;

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.Contains("例", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_fields_and_an_unknown_type_are_accepted()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "hello");
        inbound["type"] = "holographicProjection";
        inbound["futureField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_with_a_malformed_value_gets_an_invoke_response_not_a_500()
    {
        var response = await Host.PostAsync(Activities.Invoke(Connector.TeamsServiceUrl, "message/submitAction", JsonValue.Create("garbage")!, $"a:1{Activities.NewId()}"));

        Assert.True((int)response.StatusCode is >= 200 and < 500 or 501, $"status {(int)response.StatusCode}");
    }

    private static string Conversation(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
