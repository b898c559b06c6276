using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IctPlanAssistant.Bot.Tests.Support;
using IctPlanAssistant.Testing;
using IctPlanAssistant.Web.Tests.Bot.Support;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>Every example of issue 10 asked of the bot over real HTTP as Web Chat asks it (expectReplies), each in its own conversation.</summary>
public sealed partial class IssueTenExampleTests(AnonymousBotFixture fixture) : IClassFixture<AnonymousBotFixture>
{
    public static TheoryData<IssueTenExample> Examples => [.. IssueTenExamples.All];

    [GeneratedRegex(@"\[(\d+-\d+)\]")]
    private static partial Regex RowCitation();

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_asked_of_the_bot_cites_its_rows(IssueTenExample example)
    {
        var conversation = $"{Activities.NewId()}-jp";
        var text = "";
        foreach (var question in example.Turns)
        {
            var inbound = Activities.WebChat(fixture.Connector.ServiceUrl, question, conversation);
            inbound["deliveryMode"] = "expectReplies";
            var body = JsonNode.Parse(await (await fixture.Host.PostAsync(inbound)).Content.ReadAsStringAsync())!;
            text = body["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "message")!["text"]!.GetValue<string>();
        }

        var cited = RowCitation().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var problem = example.Check(cited, text);
        Assert.True(problem is null, problem);
    }
}
