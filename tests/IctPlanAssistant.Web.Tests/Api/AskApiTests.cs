using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using IctPlanAssistant.Web.Apis;

namespace IctPlanAssistant.Web.Tests.Api;

[Collection(BundledPlanCollection.Name)]
public sealed class AskApiTests(BundledPlanHost host)
{
    private const string TabletQuestion = "保健福祉部でタブレットを使う事業は？";

    [Fact]
    public async Task A_Japanese_question_is_answered_with_citations_the_cited_rows_and_the_interpretation()
    {
        using var client = host.Client();

        var answer = await AskAsync(client, new { question = TabletQuestion, id = "q1" });

        Assert.Equal("q1", answer.GetProperty("id").GetString());
        var citations = answer.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("1-2", citations);
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(citations, rows.Select(r => r.GetProperty("id").GetString()).ToList());
        Assert.All(rows, r => Assert.Equal("保健福祉部", r.GetProperty("department").GetString()));
        var interpretation = answer.GetProperty("interpretation").GetProperty("text").GetString()!;
        Assert.Contains("保健福祉部", interpretation);
        Assert.Contains("タブレット", interpretation);
        Assert.False(answer.GetProperty("noMatch").GetBoolean());
    }

    [Fact]
    public async Task The_answer_comes_also_as_html_with_each_citation_a_link_to_its_row_page()
    {
        using var client = host.Client();

        var answer = await AskAsync(client, new { question = TabletQuestion });

        var html = answer.GetProperty("answerHtml").GetString()!;
        Assert.Contains("<a class=\"cite\" href=\"/rows/1-2\" data-row=\"1-2\">[1-2]</a>", html);
        Assert.DoesNotContain("[1-2]</li>", html);
    }

    [Fact]
    public async Task A_question_about_nothing_in_the_plan_is_answered_as_no_match_citing_nothing()
    {
        using var client = host.Client();

        var answer = await AskAsync(client, new { question = "宇宙ロケットの打ち上げ事業は？" });

        Assert.True(answer.GetProperty("noMatch").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Style_plain_answers_in_plain_Japanese_with_amounts_in_oku_yen_citing_the_same_rows()
    {
        using var client = host.Client();

        var standard = await AskAsync(client, new { question = TabletQuestion });
        var plain = await AskAsync(client, new { question = TabletQuestion, style = "plain" });

        Assert.Equal(Citations(standard), Citations(plain));
        var text = plain.GetProperty("answer").GetString()!;
        Assert.Contains("約19億4千万円（1,943,682千円）", text);
        Assert.Contains("事業費（この事業に使うお金）", text);
        Assert.Contains("約19億4千万円", plain.GetProperty("answerHtml").GetString());
        Assert.DoesNotContain("約19億4千万円", standard.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_unknown_style_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = TabletQuestion, style = "poetic" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_not_found_answer_carries_the_nearest_plan_words_and_a_found_one_none()
    {
        using var client = host.Client();

        var notFound = await AskAsync(client, new { question = "ドローソを使った事業は？" });
        var found = await AskAsync(client, new { question = "ドローンを使った事業は？" });

        Assert.True(notFound.GetProperty("noMatch").GetBoolean());
        Assert.Empty(notFound.GetProperty("citations").EnumerateArray());
        var words = notFound.GetProperty("nearestWords").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Equal("ドローン", words[0]);
        Assert.DoesNotContain("ドローソ", words);
        Assert.Empty(found.GetProperty("nearestWords").EnumerateArray());
    }

    [Fact]
    public async Task Rows_matching_part_of_a_question_come_as_related_rows_after_the_retrieved_matches_and_are_not_cited()
    {
        using var client = host.Client();

        // The watching row has tablets too; the other tablet rows match half of the question.
        var answer = await AskAsync(client, new { question = "タブレットで見守りをする事業" });

        Assert.Equal(["1-2"], Citations(answer));
        var related = answer.GetProperty("related").EnumerateArray().ToList();
        Assert.InRange(related.Count, 1, AskApiResponse.RelatedShown);
        var relatedIds = related.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("4-13", relatedIds);
        Assert.DoesNotContain("1-2", relatedIds);
        Assert.All(related, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString())));
        // In the batch contract's ranked list, after the rows that matched.
        var retrieved = answer.GetProperty("retrieved").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal("1-2", retrieved[0]);
        Assert.Equal(relatedIds, retrieved.Skip(retrieved.IndexOf(relatedIds[0])).Take(relatedIds.Count));
    }

    private static List<string?> Citations(JsonElement answer) => answer.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToList();

    [Fact]
    public async Task A_follow_up_in_the_same_conversation_is_read_against_the_earlier_answer()
    {
        using var client = host.Client();
        var conversation = "test-" + Guid.NewGuid();

        var first = await AskAsync(client, new { question = TabletQuestion, conversation });
        var followUp = await AskAsync(client, new { question = "合わせていくら？", conversation });
        var alone = await AskAsync(client, new { question = "合わせていくら？" });

        Assert.Equal(conversation, followUp.GetProperty("conversation").GetString());
        var firstCited = first.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        var followUpCited = followUp.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        Assert.NotEmpty(followUpCited);
        Assert.Subset(firstCited, followUpCited);
        Assert.NotEqual(followUp.GetProperty("answer").GetString(), alone.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Asking_for_an_event_stream_gets_server_sent_events_ending_with_the_answer_object()
    {
        using var client = host.Client();
        using var request = AskRequests.Ask(TabletQuestion);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync()) events.Add(item);
        Assert.All(events[..^1], e => Assert.Equal("delta", e.EventType));
        var last = events[^1];
        Assert.Equal("answer", last.EventType);
        using var answer = JsonDocument.Parse(last.Data);
        Assert.Contains("1-2", answer.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("href=\"/rows/1-2\"", answer.RootElement.GetProperty("answerHtml").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_question_over_the_length_limit_is_a_400_problem_giving_its_length_and_the_limit(bool streaming)
    {
        using var client = host.Client();
        using var request = AskRequests.Ask(new string('あ', 600), streamed: streaming);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemJson.ReadAsync(response);
        Assert.Equal("question-too-long", problem.GetProperty("code").GetString());
        Assert.Equal(600, problem.GetProperty("length").GetInt32());
        Assert.Equal(500, problem.GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task An_empty_question_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("question-empty", (await ProblemJson.ReadAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_conversation_id_longer_than_a_key_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？", conversation = new string('c', 129) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.PostAsync("/api/ask", new StringContent("{question:", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_a_413_problem()
    {
        using var client = host.Client();
        var body = JsonSerializer.Serialize(new { question = new string('a', 40_000) });

        using var response = await client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    private static Task<JsonElement> AskAsync(HttpClient client, object body) => AskRequests.AskJsonAsync(client, body);
    [Theory]
    [InlineData("line\r\nbreak")]
    [InlineData("nul\0")]
    public async Task A_conversation_id_with_control_characters_is_a_400_problem(string conversation)
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "新規の事業は？", conversation });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    [Fact]
    public async Task The_web_chat_and_the_bot_keep_apart_conversations_of_the_same_id()
    {
        using var client = host.Client();
        var conversation = "shared-" + Guid.NewGuid().ToString("N")[..8];
        await AskAsync(client, new { question = "ドローンを活用した事業は？", conversation });
        var botTurn = IctPlanAssistant.Bot.Tests.Support.Activities.WebChat("http://127.0.0.1:9/", "その事業費は？", conversationId: conversation);
        botTurn["deliveryMode"] = "expectReplies";

        using var botResponse = await client.PostAsync("/api/messages", new StringContent(botTurn.ToJsonString(), Encoding.UTF8, "application/json"));
        var webFollowUp = await AskAsync(client, new { question = "その事業費は？", conversation });

        var botText = JsonDocument.Parse(await botResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("activities")
            .EnumerateArray().Single(a => a.GetProperty("type").GetString() == "message").GetProperty("text").GetString()!;
        Assert.DoesNotContain("5,800", botText); // the bot's conversation has no first turn
        Assert.Contains("5,800", webFollowUp.GetProperty("answer").GetString()); // the web chat's has
    }
}
