using System.Text.Json;
using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Cli.Tests;

/// <summary>Every example of issue 10 asked through <c>ictplan batch</c> (a real process on an ingested index), each example one conversation.</summary>
public sealed class IssueTenExampleTests(IngestedIndexFixture cli) : IClassFixture<IngestedIndexFixture>
{
    [Fact]
    public async Task Batch_AnswersEveryExampleCitingItsRows()
    {
        var examples = IssueTenExamples.All;
        var lines = examples.SelectMany((example, e) => example.Turns.Select((question, t) =>
            JsonSerializer.Serialize(new { id = $"{e}-{t}", question, conversation = $"example-{e}" })));
        var input = Path.Combine(cli.WorkingDirectory, "issue-ten.jsonl");
        await File.WriteAllLinesAsync(input, lines);

        var result = await cli.RunAsync("batch", "--input", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var answers = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(a => a.GetProperty("id").GetString()!);
        var problems = examples.Select((example, e) =>
        {
            var last = answers[$"{e}-{example.Turns.Count - 1}"];
            var cited = last.GetProperty("citations").EnumerateArray().Select(c => c.GetString()!).ToList();
            return example.Check(cited, last.GetProperty("answer").GetString()!);
        }).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }
}
