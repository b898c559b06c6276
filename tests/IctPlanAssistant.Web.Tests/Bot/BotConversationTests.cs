using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Web.Bot.Replies;
using IctPlanAssistant.Bot.Tests.Support;
using IctPlanAssistant.Web.Tests.Bot.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>Conversations with the bot over real HTTP, as Teams and Web Chat hold them, with replies through the connector.</summary>
public sealed class BotConversationTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    private const string TabletQuestion = "保健福祉部でタブレットを使っている事業は？";

    private ConnectorStub Connector => fixture.Connector;

    private BotHost Host => fixture.Host;

    [Fact]
    public async Task A_question_in_teams_personal_chat_is_answered_after_a_typing_indicator()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, TabletQuestion);
        var conversation = inbound["conversation"]!["id"]!.GetValue<string>();

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var calls = await Connector.WaitForMessagesAsync(conversation);
        Assert.Equal("typing", calls[0].Type);
        var reply = calls.Single(c => c.Type == "message");
        var expectedPath = $"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{inbound["id"]}";
        Assert.Equal(expectedPath, reply.RawPath);
        var body = reply.Body!;
        Assert.Equal(inbound["id"]!.GetValue<string>(), body["replyToId"]!.GetValue<string>());
        Assert.Equal(inbound["recipient"]!["id"]!.GetValue<string>(), body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(inbound["from"]!["id"]!.GetValue<string>(), body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(conversation, body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("msteams", body["channelId"]!.GetValue<string>());
        Assert.Null(reply.Authorization); // no app id: no outbound token
    }

    [Fact]
    public async Task A_teams_answer_carries_native_citations_a_card_of_the_cited_rows_and_the_feedback_loop()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, TabletQuestion);

        await Host.PostAsync(inbound);

        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("[1]", text);
        Assert.DoesNotContain("[1-2]", text); // Teams shows [n] markers, not the row ids
        var message = reply["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "https://schema.org/Message")!;
        Assert.Equal("Message", message["@type"]!.GetValue<string>());
        Assert.Equal("", message["@id"]!.GetValue<string>());
        var claims = message["citation"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, claims.Count), claims.Select(c => c!["position"]!.GetValue<int>()));
        foreach (var claim in claims)
        {
            Assert.Equal("Claim", claim!["@type"]!.GetValue<string>());
            Assert.Contains($"[{claim["position"]}]", text);
            var appearance = claim["appearance"]!;
            Assert.Matches(@"^\[\d+-\d+\] \S", appearance["name"]!.GetValue<string>());
            Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
        }
        Assert.Contains(claims, c => c!["appearance"]!["name"]!.GetValue<string>().StartsWith("[1-2] ", StringComparison.Ordinal));
        // The built-in composer wrote this answer, not a language model: no AI-generated label.
        Assert.Null(message["additionalType"]);
        Assert.True(reply["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());

        var card = AdaptiveCard(reply);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var cardText = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("[1-2]", cardText);
        Assert.Contains("保健福祉部", cardText);
        Assert.Contains("千円", cardText);
        Assert.Contains("\"verb\":\"showRow\"", cardText);
        Assert.NotEmpty(reply["suggestedActions"]!["actions"]!.AsArray());
    }

    [Fact]
    public async Task A_channel_post_that_mentions_the_bot_is_answered_without_the_mention()
    {
        var inbound = Activities.TeamsChannel(Connector.TeamsServiceUrl, TabletQuestion);

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversation = Conversation(inbound);
        var reply = (await Connector.WaitForMessagesAsync(conversation)).Single(c => c.Type == "message");
        // Teams channel ids hold : @ ; = — escaped as one path segment, under the serviceUrl's own path.
        Assert.StartsWith($"/amer/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/", reply.RawPath);
        Assert.Contains("%3Bmessageid%3D", reply.RawPath);
        var text = reply.Body!["text"]!.GetValue<string>();
        Assert.DoesNotContain("<at>", text);
        Assert.Contains("保健福祉部", text);
        Assert.Contains("2件", text);
    }

    [Fact]
    public async Task A_follow_up_question_in_the_same_conversation_is_read_in_the_light_of_the_first()
    {
        var conversation = $"a:1{Activities.NewId()}";
        await Host.PostAsync(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？", conversation));
        await Connector.WaitForMessagesAsync(conversation, 1);

        await Host.PostAsync(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "その事業費は？", conversation));

        var replies = (await Connector.WaitForMessagesAsync(conversation, 2)).Where(c => c.Type == "message").ToList();
        var second = replies[1].Body!;
        var names = second["entities"]!.AsArray().SelectMany(e => e!["citation"]!.AsArray()).Select(c => c!["appearance"]!["name"]!.GetValue<string>());
        Assert.Contains(names, n => n.StartsWith("[3-22]", StringComparison.Ordinal));
        Assert.Contains("5,800", second["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Web_chat_answers_keep_the_row_ids_as_citations()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "Which projects use drones?");

        await Host.PostAsync(inbound);

        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message");
        Assert.Contains("%7C", reply.RawPath); // the Web Chat activity id's | escaped
        var body = reply.Body!;
        Assert.Contains("[3-22]", body["text"]!.GetValue<string>());
        Assert.Null(body["entities"]); // no Teams citations, and no AI label for a built-in answer
        Assert.Null(body["channelData"]);
        Assert.NotNull(AdaptiveCard(body));
    }

    [Fact]
    public async Task An_answer_that_found_nothing_offers_the_rows_matching_part_of_the_question_as_related_not_cited()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ロボットで雪かきをする事業は？");

        await Host.PostAsync(inbound);

        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.Contains("見つかりませんでした", reply["text"]!.GetValue<string>());
        Assert.Null(reply["entities"]?.AsArray().SelectMany(e => e!["citation"]?.AsArray() ?? []).FirstOrDefault()); // nothing cited
        var cardText = AdaptiveCard(reply).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("関係がありそうな事業", cardText);
        Assert.Contains("回答の根拠ではありません", cardText);
        Assert.Contains("[3-2]", cardText);
    }

    [Theory]
    [InlineData("ja-JP", true)]
    [InlineData("en-US", false)]
    public async Task Adding_the_bot_gets_a_welcome_in_the_users_language_with_at_most_three_of_the_apps_prompt_starters(string locale, bool japanese)
    {
        var inbound = Activities.BotAdded(Connector.TeamsServiceUrl);
        inbound["locale"] = locale;

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var welcome = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.Equal(inbound["id"]!.GetValue<string>(), welcome["replyToId"]!.GetValue<string>());
        Assert.Equal(locale, welcome["locale"]!.GetValue<string>());
        var suggested = welcome["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["value"]!.GetValue<string>()).ToList();
        Assert.InRange(suggested.Count, 1, 3);
        Assert.Equal(PromptStarters.For(japanese).Take(suggested.Count), suggested);
        Assert.All(suggested, q => Assert.Equal(japanese, q.Any(c => c > 0x3000)));
        var text = welcome["text"]!.GetValue<string>();
        Assert.Equal(japanese, text.Contains("こんにちは", StringComparison.Ordinal));
        Assert.Equal(!japanese, text.Contains("Hello", StringComparison.Ordinal));
    }

    public static TheoryData<string> EveryPromptStarter => [.. PromptStarters.For(true).Concat(PromptStarters.For(false))];

    [Theory]
    [MemberData(nameof(EveryPromptStarter))]
    public async Task Every_prompt_starter_is_a_first_question_the_bot_answers_with_cited_rows(string question)
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, question);
        inbound["deliveryMode"] = "expectReplies";

        var body = JsonNode.Parse(await (await Host.PostAsync(inbound)).Content.ReadAsStringAsync())!;

        var message = body["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "message")!;
        Assert.Matches(@"\[\d+-\d+\]", message["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_carries_the_language_of_its_answer_as_its_locale_not_the_one_the_message_came_in()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "Which projects use drones?");
        inbound["deliveryMode"] = "expectReplies";
        inbound["locale"] = "ja-JP";

        var body = JsonNode.Parse(await (await Host.PostAsync(inbound)).Content.ReadAsStringAsync())!;

        var message = body["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "message")!;
        Assert.Equal("en-US", message["locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_added_without_the_bot_get_no_welcome()
    {
        var inbound = Activities.BotAdded(Connector.TeamsServiceUrl);
        inbound["membersAdded"]!.AsArray().RemoveAt(0);

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.CallsFor(Conversation(inbound)));
    }

    [Fact]
    public async Task Expect_replies_returns_the_answer_in_the_response_body_and_calls_no_connector()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "ドローンを活用した事業は？");
        inbound["deliveryMode"] = "expectReplies";

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var message = body["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "message")!;
        Assert.Contains("[3-22]", message["text"]!.GetValue<string>());
        Assert.Equal(inbound["id"]!.GetValue<string>(), message["replyToId"]!.GetValue<string>());
        Assert.Empty(Connector.CallsFor(Conversation(inbound)));
    }

    [Fact]
    public async Task Show_in_full_from_a_card_answers_the_invoke_and_posts_the_whole_row()
    {
        var conversation = $"a:1{Activities.NewId()}";
        var value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"showRow","data":{"rowId":"3-22"}},"trigger":"manual"}""")!;

        var response = await Host.PostAsync(Activities.Invoke(Connector.TeamsServiceUrl, "adaptiveCard/action", value, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invokeResponse = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, invokeResponse["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", invokeResponse["type"]!.GetValue<string>());
        var row = (await Connector.WaitForMessagesAsync(conversation)).Single(c => c.Type == "message").Body!;
        var card = AdaptiveCard(row).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("[3-22] 土木部ICT推進事業", card);
        Assert.Contains("ドローン", card); // the summary, in full
    }

    [Fact]
    public async Task Show_in_full_as_a_submitted_card_value_posts_the_row()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "");
        inbound.Remove("text");
        inbound["value"] = JsonNode.Parse("""{"verb":"showRow","rowId":"1-2"}""");

        await Host.PostAsync(inbound);

        var row = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.StartsWith("[1-2] ", row["text"]!.GetValue<string>());
        Assert.NotNull(AdaptiveCard(row));
    }

    [Fact]
    public async Task A_card_action_with_an_unknown_verb_is_answered_with_an_error_in_the_invoke_response()
    {
        var value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"launchRocket","data":{}}}""")!;

        var response = await Host.PostAsync(Activities.Invoke(Connector.TeamsServiceUrl, "adaptiveCard/action", value, $"a:1{Activities.NewId()}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_is_answered_501_as_the_sdk_does()
    {
        var response = await Host.PostAsync(Activities.Invoke(Connector.TeamsServiceUrl, "task/fetch", new JsonObject(), $"a:1{Activities.NewId()}"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task Other_activity_types_are_accepted_and_ignored(string type)
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "こんにちは");
        inbound["type"] = type;

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.CallsFor(Conversation(inbound)));
    }

    [Fact]
    public async Task A_huge_question_is_answered_politely_with_the_limit()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, string.Concat(Enumerable.Repeat("タブレットを使う事業は？", 2_000)));

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
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

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        Assert.Contains("例", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_connector_that_is_briefly_unavailable_gets_the_reply_on_a_retry()
    {
        var inbound = Activities.WebChat(Connector.ServiceUrl, "ドローンを活用した事業は？");
        inbound["deliveryMode"] = "normal";
        var postsBefore = Connector.ActivityPosts;
        Connector.FailNext(503, 429);

        var response = await Host.PostAsync(inbound);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var calls = await Connector.WaitForMessagesAsync(Conversation(inbound));
        Assert.Single(calls, c => c.Type == "message");
        Assert.True(Connector.ActivityPosts - postsBefore >= calls.Count + 2);
    }

    private static string Conversation(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();

    private static JsonObject AdaptiveCard(JsonNode reply)
    {
        var attachment = reply["attachments"]!.AsArray().Single(a => a!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive")!;
        var content = attachment["content"]!.AsObject();
        Assert.Equal("AdaptiveCard", content["type"]!.GetValue<string>());
        return content;
    }
}
