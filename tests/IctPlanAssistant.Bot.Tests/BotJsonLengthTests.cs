using System.Text.Json;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>An activity's length as counted is the length of the bytes the serializer writes for it, call after call.</summary>
public sealed class BotJsonLengthTests
{
    public static TheoryData<string> Texts() => new()
    {
        "",
        "保健福祉部の事業です [1-2]",
        "<b>&\"'</b> \\ / \u2028 \u0001 😀",
        new string('長', 3000), // past the counter's first scratch buffer in one string
        string.Concat(Enumerable.Repeat("事業 [1-2] <&>\n", 2000)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_counted_length_is_the_serialized_length(string text)
    {
        var activity = new Activity
        {
            Type = "message",
            Text = text,
            Locale = "ja-JP",
            Conversation = new ConversationAccount { Id = "c1" },
            Attachments = [Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }) })],
        };

        // Twice: the second count starts from nothing again.
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options).Length, BotJson.Utf8Length(activity));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options).Length, BotJson.Utf8Length(activity));
    }

    [Fact]
    public void A_value_the_serializer_refuses_leaves_the_next_count_right()
    {
        var activity = new Activity { Type = "message", Value = JsonValue.Create(double.NaN) };
        Assert.ThrowsAny<Exception>(() => BotJson.Utf8Length(activity));

        var plain = new Activity { Type = "message", Text = "あ" };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(plain, BotJson.Options).Length, BotJson.Utf8Length(plain));
    }
}
