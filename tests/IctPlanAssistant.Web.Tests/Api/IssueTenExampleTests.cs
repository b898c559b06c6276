using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>Every example of issue 10 asked through POST /api/ask as the chat page asks it, each in its own conversation.</summary>
[Collection(BundledPlanCollection.Name)]
public sealed class IssueTenExampleTests(BundledPlanHost host)
{
    public static TheoryData<IssueTenExample> Examples => [.. IssueTenExamples.All];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_asked_in_the_chat_cites_its_rows(IssueTenExample example)
    {
        using var client = host.Client();
        var conversation = "example-" + Guid.NewGuid().ToString("N");

        var answer = default(System.Text.Json.JsonElement);
        foreach (var question in example.Turns) answer = await AskRequests.AskJsonAsync(client, new { question, conversation });

        var cited = answer.GetProperty("citations").EnumerateArray().Select(c => c.GetString()!).ToList();
        var problem = example.Check(cited, answer.GetProperty("answer").GetString()!);
        Assert.True(problem is null, problem);
    }
}
