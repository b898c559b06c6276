using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Answers.Tests;

/// <summary>Every example of issue 10 answered by the assistant every channel calls (each conversation its own).</summary>
[Collection(AssistantCollection.Name)]
public sealed class IssueTenExampleTests(AssistantFixture assistant)
{
    public static TheoryData<IssueTenExample> Examples => [.. IssueTenExamples.All];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EachExample_CitesItsRows(IssueTenExample example)
    {
        var conversation = "example-" + Guid.NewGuid().ToString("N");
        Answer? answer = null;
        foreach (var turn in example.Turns) answer = await assistant.Assistant.AskAsync(new AskRequest(turn, conversation));

        var problem = example.Check(answer!.Citations.Select(c => c.ToString()).ToList(), answer.Text);
        Assert.True(problem is null, problem);
    }
}
