using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IctPlanAssistant.Web.Tests.Api;

[Collection(BundledPlanCollection.Name)]
public sealed class ConversationsApiTests(BundledPlanHost host)
{
    [Fact]
    public async Task After_the_conversation_is_deleted_a_follow_up_is_no_longer_read_against_its_turns()
    {
        using var client = host.Client();
        var conversation = "web-" + Guid.NewGuid().ToString("N");
        await AskAsync(client, "保健福祉部でタブレットを使う事業は？", conversation);
        Assert.Equal(JsonValueKind.Array, (await AskAsync(client, "合わせていくら？", conversation)).GetProperty("interpretation").GetProperty("scope").ValueKind);

        using var deleted = await client.DeleteAsync($"/api/conversations/{conversation}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var after = await AskAsync(client, "合わせていくら？", conversation);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("interpretation").GetProperty("scope").ValueKind);
    }

    [Fact]
    public async Task Deleting_a_conversation_that_does_not_exist_is_not_an_error()
    {
        using var client = host.Client();

        using var response = await client.DeleteAsync("/api/conversations/web-never-used");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task An_id_longer_than_a_conversation_id_can_be_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.DeleteAsync("/api/conversations/" + new string('a', 500));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    private static Task<JsonElement> AskAsync(HttpClient client, string question, string conversation) =>
        AskRequests.AskJsonAsync(client, new { question, conversation });
}
