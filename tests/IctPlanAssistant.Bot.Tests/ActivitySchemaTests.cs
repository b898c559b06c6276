using System.Text.Json;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Connector;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Tests;

public sealed class ActivitySchemaTests
{
    [Fact]
    public void Fields_the_bot_does_not_model_survive_reading_and_writing_an_activity()
    {
        const string json = """
            {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams",
             "from":{"id":"29:u","name":"山田","aadObjectId":"a","userPrincipalName":"t@example.test"},
             "recipient":{"id":"28:b","name":"bot"},
             "conversation":{"id":"19:x@thread.tacv2;messageid=1","conversationType":"channel","tenantId":"t","isGroup":true,"extra":{"k":[1,2]}},
             "text":"hi","localTimestamp":"2025-01-01T09:00:00+09:00","localTimezone":"Asia/Tokyo","callerId":"urn:botframework:azure",
             "entities":[{"type":"clientInfo","locale":"ja-JP","platform":"Web"}],
             "attachments":[{"contentType":"text/html","content":"<p>x</p>","future":true}],
             "channelData":{"tenant":{"id":"t"},"eventType":"teamMemberAdded"},
             "value":{"a":{"b":null}},"relatesTo":{"activityId":"0"},"somethingNew":[{"deep":{"er":1.5}}]}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonSerializer.SerializeToNode(activity, BotJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written!.ToJsonString());
    }

    [Fact]
    public void A_reply_is_addressed_back_along_the_conversation()
    {
        var inbound = JsonSerializer.Deserialize<Activity>("""
            {"type":"message","id":"in-1","serviceUrl":"https://s/","channelId":"webchat","locale":"ja-JP",
             "from":{"id":"user"},"recipient":{"id":"bot"},"conversation":{"id":"c|1"}}
            """, BotJson.Options)!;

        var reply = inbound.CreateReply();

        Assert.Equal(("bot", "user", "c|1", "in-1", "webchat", "https://s/", "ja-JP"),
            (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ReplyToId, reply.ChannelId, reply.ServiceUrl, reply.Locale));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1/activities/1%7C2")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1/activities/1%7C2")]
    [InlineData("http://127.0.0.1:3979/", "http://127.0.0.1:3979/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1/activities/1%7C2")]
    public void The_reply_url_keeps_the_service_path_escapes_the_ids_and_has_no_double_slash(string serviceUrl, string expected)
    {
        var uri = ConnectorClient.ActivitiesUri(serviceUrl, "19:x@thread.tacv2;messageid=1", "1|2");

        Assert.Equal(expected, uri.AbsoluteUri);
    }
}
