using System.Text.Json.Nodes;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>Inbound activities as Teams and Web Chat send them (shapes from botclient's PROTOCOL-NOTES.md §1).</summary>
public static class Activities
{
    public const string BotName = "ICT計画ボット";
    public const string TenantId = "72f988bf-0000-4000-8000-00000000ca11";
    public static readonly string TeamsBotId = "28:" + TestIssuer.AppId;

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A Teams personal chat message.</summary>
    public static JsonObject TeamsPersonal(string serviceUrl, string text, string? conversationId = null) =>
        Message("msteams", serviceUrl, text, conversationId ?? $"a:1{NewId()}", TeamsBotId, new JsonObject
        {
            ["conversationType"] = "personal",
            ["tenantId"] = TenantId,
        });

    /// <summary>A Teams channel post that @mentions the bot: <c>&lt;at&gt;bot&lt;/at&gt;</c> in the text and a mention entity.</summary>
    public static JsonObject TeamsChannel(string serviceUrl, string question, string? conversationId = null)
    {
        var id = conversationId ?? $"19:{NewId()}@thread.tacv2;messageid={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var activity = Message("msteams", serviceUrl, $"<at>{BotName}</at> {question}", id, TeamsBotId, new JsonObject
        {
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["isGroup"] = true,
        });
        activity["entities"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = TeamsBotId, ["name"] = BotName },
                ["text"] = $"<at>{BotName}</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP", ["country"] = "JP" },
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["teamsChannelId"] = id.Split(';')[0],
            ["channel"] = new JsonObject { ["id"] = id.Split(';')[0] },
        };
        return activity;
    }

    /// <summary>A Web Chat (Direct Line) message: ids with <c>|</c>, no Teams data.</summary>
    public static JsonObject WebChat(string serviceUrl, string text, string? conversationId = null) =>
        Message("webchat", serviceUrl, text, conversationId ?? $"{NewId()}-jp", TestIssuer.AppId, null, $"{NewId()}|0000001");

    /// <summary>The bot was added to a conversation (Teams lists the bot and the user in membersAdded).</summary>
    public static JsonObject BotAdded(string serviceUrl, string channelId = "msteams")
    {
        var activity = Message(channelId, serviceUrl, null, $"a:1{NewId()}", TeamsBotId, new JsonObject { ["conversationType"] = "personal" });
        activity["type"] = "conversationUpdate";
        activity["membersAdded"] = new JsonArray
        {
            new JsonObject { ["id"] = TeamsBotId, ["name"] = BotName },
            new JsonObject { ["id"] = "29:user", ["name"] = "山田 太郎" },
        };
        return activity;
    }

    public static JsonObject Invoke(string serviceUrl, string name, JsonNode value, string conversationId, string? replyToId = null)
    {
        var activity = Message("msteams", serviceUrl, null, conversationId, TeamsBotId, new JsonObject { ["conversationType"] = "personal" });
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    public static JsonObject Message(string channelId, string serviceUrl, string? text, string conversationId, string botId, JsonObject? conversation, string? id = null)
    {
        var conv = conversation ?? new JsonObject();
        conv["id"] = conversationId;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id ?? NewId(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "山田 太郎", ["aadObjectId"] = "0b1c2d3e-0000-4000-8000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = BotName },
            ["conversation"] = conv,
            ["locale"] = "ja-JP",
            ["textFormat"] = "plain",
        };
        if (text is not null) activity["text"] = text;
        return activity;
    }
}
