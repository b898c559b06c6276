using IctPlanAssistant.Answers;
using IctPlanAssistant.Bot.Schema;
using IctPlanAssistant.Web.Apis;
using IctPlanAssistant.Web.Hosting;
using IctPlanAssistant.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Tests.Hosting;

/// <summary>
/// The answer written whole from a pooled buffer is the response <c>TypedResults.Ok</c> wrote before: the same
/// bytes, status and content type, for real answers of the bundled plan (rows, an empty result, English).
/// </summary>
[Collection(BundledPlanCollection.Name)]
public sealed class WholeJsonResultTests(BundledPlanHost host)
{
    [Theory]
    [InlineData("タブレットを使っている事業は？")]
    [InlineData("Which Health and Welfare projects use tablets?")]
    [InlineData("宇宙開発の事業は？")]
    [InlineData("予算が一番大きい事業は？ <b>&\"'</b>")]
    public async Task An_answer_written_whole_is_the_response_TypedResults_Ok_writes(string question)
    {
        var services = host.Host.Services;
        var answer = await services.GetRequiredService<PlanAssistant>().AskAsync(new AskRequest(question));
        var value = AskApiResponse.From("q1", null, answer, services.GetRequiredService<AnswerHtml>());
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var (okStatus, okType, okLength, okBody) = await ExecuteAsync(TypedResults.Ok(value), services);
        var (status, type, length, body) = await ExecuteAsync(new WholeJsonResult<AskApiResponse>(value, options), services);

        Assert.Equal(okStatus, status);
        Assert.Equal(okType, type);
        Assert.Equal(okBody, body);
        Assert.Null(okLength); // TypedResults.Ok streams; WholeResponses added the length
        Assert.Equal(body.Length, length);
    }

    [Fact]
    public void A_value_larger_than_the_first_rented_buffer_is_serialised_whole()
    {
        var options = host.Host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var value = Enumerable.Range(0, 5000).Select(i => $"行{i} <&> \"{i}\"").ToList();

        using var body = WholeJsonResult<List<string>>.Serialize(value, options);

        Assert.Equal(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, options), body.WrittenMemory.ToArray());
    }

    [Fact]
    public async Task Bot_replies_written_whole_are_the_response_Results_Json_writes()
    {
        var replies = new ExpectedReplies(
        [
            new Activity { Type = "message", Text = "保健福祉部の事業です [1-2] <b>&\"'</b>", Locale = "ja-JP", Conversation = new ConversationAccount { Id = "c1" } },
            new Activity { Type = "typing" },
        ]);

        var (jsonStatus, jsonType, _, jsonBody) = await ExecuteAsync(Results.Json(replies, BotJson.Options, statusCode: StatusCodes.Status200OK), host.Host.Services);
        var (status, type, length, body) = await ExecuteAsync(new WholeJsonResult<ExpectedReplies>(replies, BotJson.Options), host.Host.Services);

        Assert.Equal(jsonStatus, status);
        Assert.Equal(jsonType, type);
        Assert.Equal(jsonBody, body);
        Assert.Equal(body.Length, length);
    }

    private static async Task<(int Status, string? ContentType, long? Length, byte[] Body)> ExecuteAsync(IResult result, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, context.Response.ContentLength, body.ToArray());
    }
}
