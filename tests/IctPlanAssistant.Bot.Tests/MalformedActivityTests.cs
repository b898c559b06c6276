using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Tests.Support;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>A host with no app id (local development: anonymous, loopback serviceUrls only) and a connector, shared by a test class.</summary>
public sealed class LocalBotFixture : IAsyncLifetime
{
    public ConnectorStub Connector { get; private set; } = null!;

    public BotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync();
        Host = await BotTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>What is not a well-formed activity, or not sent as one, gets a 4xx; never a 500.</summary>
public sealed class MalformedActivityTests(LocalBotFixture fixture) : IClassFixture<LocalBotFixture>
{
    private ConnectorStub Connector => fixture.Connector;

    private BotTestHost Host => fixture.Host;

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

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain; x=json")] // a page on any site may post this without a preflight
    [InlineData("text/json")]
    [InlineData("application/jsonx")]
    [InlineData(null)]
    public async Task A_body_not_sent_as_application_json_is_refused_with_415(string? contentType)
    {
        var response = await Host.PostRawAsync(Activities.WebChat(Connector.ServiceUrl, "hello").ToJsonString(), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task A_body_sent_as_application_json_is_taken(string contentType)
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "hello");
        inbound["deliveryMode"] = "expectReplies";

        var response = await Host.PostRawAsync(inbound.ToJsonString(), contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, new string('あ', 300_000));

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
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
