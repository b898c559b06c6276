using System.Net;
using IctPlanAssistant.Bot.Tests.Support;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>
/// Where replies may go: a serviceUrl that answers 307 does not get the reply re-posted elsewhere, and an id cannot
/// climb out of the conversation's path or smuggle a line break into a header or a log.
/// </summary>
public sealed class ConnectorSafetyTests : IAsyncLifetime
{
    private ConnectorStub _connector = null!;
    private ConnectorStub _elsewhere = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _elsewhere = await ConnectorStub.StartAsync();
        _host = await BotTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _elsewhere.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_service_url_that_redirects_never_gets_the_reply_re_posted_to_the_address_it_names()
    {
        _connector.RedirectNext(new Uri(_elsewhere.BaseUri, "v3/conversations/stolen/activities"));
        var inbound = Activities.WebChat(_connector.ServiceUrl, "hello");
        var conversation = inbound["conversation"]!["id"]!.GetValue<string>();

        var response = await _host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The turn ends: the reply was redirected, then the apology too; neither followed to the other address.
        await Waiting.UntilAsync(() => _connector.CallsFor(conversation).Count(c => c.ResponseId == "redirected") >= 2);
        Assert.Equal(0, _elsewhere.ActivityPosts);
        Assert.Empty(_elsewhere.Calls);
    }

    [Theory]
    [InlineData("conversation.id", "..")]
    [InlineData("conversation.id", ".")]
    [InlineData("conversation.id", "a\r\nx-injected: yes")]
    [InlineData("conversation.id", "nul\0byte")]
    [InlineData("id", "..")]
    [InlineData("replyToId", "..")]
    [InlineData("from.id", "line\nbreak")]
    [InlineData("type", "message\r\nforged log line")]
    public async Task An_id_that_is_a_dot_segment_or_holds_control_characters_is_refused_with_400(string field, string id)
    {
        var inbound = Activities.WebChat(_connector.ServiceUrl, "hello");
        switch (field)
        {
            case "conversation.id": inbound["conversation"]!["id"] = id; break;
            case "from.id": inbound["from"]!["id"] = id; break;
            default: inbound[field] = id; break;
        }

        var response = await _host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _connector.ActivityPosts);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains('\n') || e.Message.Contains('\r'));
    }

    [Fact]
    public async Task A_conversation_id_of_250000_characters_is_refused_with_400()
    {
        var inbound = Activities.WebChat(_connector.ServiceUrl, "hello", conversationId: new string('x', 250_000));

        var response = await _host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
