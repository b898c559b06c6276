using System.Text.Json;

namespace IctPlanAssistant.Cli.Tests;

/// <summary><c>ictplan batch</c> and <c>ictplan ask --json</c> run as real processes on an index built by <c>ictplan ingest</c>.</summary>
public sealed class BatchCommandTests(IngestedIndexFixture cli) : IClassFixture<IngestedIndexFixture>
{
    private static string Line(string id, string question, string? conversation = null) =>
        JsonSerializer.Serialize(conversation is null ? new { id, question } : (object)new { id, question, conversation });

    private static List<JsonElement> OutputLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(cli.WorkingDirectory, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string OutputPath(string name) => Path.Combine(cli.WorkingDirectory, name);

    [Fact]
    public async Task Batch_AnswersEachLineInOrderWithIdAnswerCitationsAndRetrieved()
    {
        var input = Write("order.jsonl",
            Line("q1", "Which Health and Welfare projects use tablets?"),
            Line("q2", "ドローンを導入した事業はありますか？"),
            Line("q3", "農林水産部の事業費の合計は？"));

        var result = await cli.RunAsync("batch", "--input", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = OutputLines(result.Stdout);
        Assert.Equal(["q1", "q2", "q3"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal(["id", "answer", "citations", "retrieved"], l.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["1-2", "3-8"], Strings(lines[0].GetProperty("citations")));
        Assert.Equal(["3-22"], Strings(lines[1].GetProperty("citations")));
        Assert.Contains("2,375,467千円", lines[2].GetProperty("answer").GetString());
        Assert.Equal(14, lines[2].GetProperty("citations").GetArrayLength());
        Assert.All(lines, l => Assert.InRange(l.GetProperty("retrieved").GetArrayLength(), 1, 20));
    }

    [Fact]
    public async Task Batch_AnswersEveryLineAroundOnesWithAmountsBeyondAnyBudget_AndReportsOnlyLinesItCannotAnswer()
    {
        var input = Write("hostile.jsonl",
            Line("h1", "111111111111111111111111円以上"),
            Line("ok1", "ドローンを導入した事業はありますか？"),
            Line("h2", "9999999999999兆円以上の事業"),
            Line("h3", "over 100000000000000 billion yen"),
            Line("bad-conversation", "ドローンを導入した事業はありますか？", "line\r\nbreak"),
            Line("ok2", "農林水産部の事業費の合計は？"));

        var result = await cli.RunAsync("batch", "--input", input);

        var lines = OutputLines(result.Stdout).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["h1", "ok1", "h2", "h3", "bad-conversation", "ok2"], lines.Keys);
        Assert.Equal(["3-22"], Strings(lines["ok1"].GetProperty("citations")));
        Assert.Contains("2,375,467千円", lines["ok2"].GetProperty("answer").GetString());
        foreach (var id in new[] { "h1", "h2", "h3" })
            Assert.False(lines[id].TryGetProperty("error", out _), $"{id}: {lines[id]}");
        Assert.True(lines["bad-conversation"].TryGetProperty("error", out _));
        Assert.Contains("hostile.jsonl:5:", result.Stderr);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Batch_LinesThatShareAConversationAreOneConversationEvenInterleaved()
    {
        var input = Write("conversations.jsonl",
            Line("a1", "保健福祉部の事業は？", "ca"),
            Line("b1", "Which Police projects are there?", "cb"),
            Line("a2", "そのうちタブレットを使うものは？", "ca"),
            Line("b2", "How many of them are new?", "cb"),
            Line("a3", "合わせていくら？", "ca"),
            Line("x", "そのうちタブレットを使うものは？"));

        var result = await cli.RunAsync("batch", "--input", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = OutputLines(result.Stdout).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(["1-2", "3-8"], Strings(lines["a2"].GetProperty("citations")));
        Assert.Equal(["1-2", "3-8"], Strings(lines["a2"].GetProperty("retrieved")).Order());
        Assert.Contains("**2**", lines["b2"].GetProperty("answer").GetString());
        Assert.Contains("2,063,937千円", lines["a3"].GetProperty("answer").GetString());
        Assert.True(lines["x"].GetProperty("citations").GetArrayLength() > 2, "a line with no conversation does not follow another's turns");
    }

    [Fact]
    public async Task Batch_ANoneQuestionIsAnsweredWithNoCitations()
    {
        var result = await cli.RunWithInputAsync(Line("n", "Is there a project on blockchain?") + "\n", "batch");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(OutputLines(result.Stdout));
        Assert.Empty(Strings(line.GetProperty("citations")));
        Assert.Empty(Strings(line.GetProperty("retrieved")));
        Assert.StartsWith("No matching project", line.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Batch_RowsMatchingPartOfAQuestion_AreRetrievedAfterItsMatches_NeverCited()
    {
        var result = await cli.RunWithInputAsync(Line("m", "高齢者の見守りの事業") + "\n" + Line("r", "ロボットで雪かきをする事業は？") + "\n", "batch");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = OutputLines(result.Stdout).ToDictionary(l => l.GetProperty("id").GetString()!);
        // The watching row answers; rows that match part of the question follow it.
        Assert.Equal(["1-2"], Strings(lines["m"].GetProperty("citations")));
        Assert.Equal("1-2", Strings(lines["m"].GetProperty("retrieved"))[0]);
        Assert.True(Strings(lines["m"].GetProperty("retrieved")).Count > 1);
        // No row clears snow: nothing is cited, the robot rows are retrieved.
        Assert.Empty(Strings(lines["r"].GetProperty("citations")));
        Assert.Contains("3-2", Strings(lines["r"].GetProperty("retrieved")));
    }

    [Fact]
    public async Task Batch_MalformedLines_GetAnErrorLineAndExitOneWhileTheOthersAreAnswered()
    {
        var input = Write("malformed.jsonl",
            Line("ok1", "Which Health and Welfare projects use tablets?"),
            "{not json",
            "{\"id\": \"noq\"}",
            "",
            Line("ok2", "ドローンを導入した事業はありますか？"));

        var result = await cli.RunAsync("batch", "--input", input);

        Assert.Equal(1, result.ExitCode);
        var lines = OutputLines(result.Stdout);
        Assert.Equal(4, lines.Count); // the blank line is skipped
        Assert.Equal(["1-2", "3-8"], Strings(lines[0].GetProperty("citations")));
        Assert.Equal(["3-22"], Strings(lines[3].GetProperty("citations")));
        Assert.Contains("JSON", lines[1].GetProperty("error").GetString());
        Assert.Equal("noq", lines[2].GetProperty("id").GetString());
        Assert.Contains("question", lines[2].GetProperty("error").GetString());
        Assert.Empty(Strings(lines[1].GetProperty("citations")));
        Assert.False(lines[0].TryGetProperty("error", out _));
        Assert.Contains("malformed.jsonl:2:", result.Stderr);
        Assert.Contains("malformed.jsonl:3:", result.Stderr);
        Assert.Contains("2 line(s) could not be answered", result.Stderr);
    }

    [Fact]
    public async Task Batch_Output_WritesTheFileWhenCompleteAndNothingToStdout()
    {
        var input = Write("to-file.jsonl", Line("q1", "県警の事業は？"), Line("q2", "Which project has the smallest budget?"));
        var output = OutputPath("answers.jsonl");

        var result = await cli.RunAsync("batch", "--input", input, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        var lines = OutputLines(File.ReadAllText(output));
        Assert.Equal(["q1", "q2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["3-21", "3-25"], Strings(lines[0].GetProperty("citations")));
        Assert.Equal(["3-5"], Strings(lines[1].GetProperty("citations")));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Batch_Output_WithMalformedLinesIsStillWrittenWholeAndExitsOne()
    {
        var input = Write("partly-bad.jsonl", Line("q1", "県警の事業は？"), "[1, 2]");
        var output = OutputPath("partly-bad-answers.jsonl");

        var result = await cli.RunAsync("batch", "--input", input, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, OutputLines(File.ReadAllText(output)).Count);
    }

    [Fact]
    public async Task Batch_Output_IsNotWrittenWhenTheRunCannotComplete()
    {
        var input = Write("no-index.jsonl", Line("q1", "県警の事業は？"));
        var output = OutputPath("kept.jsonl");
        File.WriteAllText(output, "earlier answers\n");

        var result = await Ictplan.RunAsync(cli.WorkingDirectory, "batch", "--input", input, "--output", output, "--index", Path.Combine(cli.WorkingDirectory, "no-such-index"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No index", result.Stderr);
        Assert.Equal("earlier answers\n", File.ReadAllText(output));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Batch_MissingInputFile_ExitsNonZeroNamingIt()
    {
        var result = await cli.RunAsync("batch", "--input", OutputPath("missing.jsonl"), "--output", OutputPath("never.jsonl"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing.jsonl", result.Stderr);
        Assert.False(File.Exists(OutputPath("never.jsonl")));
    }

    [Fact]
    public async Task Batch_ReadsStandardInputAndWritesStandardOutputByDefault()
    {
        var result = await cli.RunWithInputAsync(Line("s1", "家屋評価のしすてむ、なんだい入れた？") + "\n", "batch");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(OutputLines(result.Stdout));
        Assert.Equal("s1", line.GetProperty("id").GetString());
        Assert.Contains("25台", line.GetProperty("answer").GetString());
        Assert.Equal(["5-26"], Strings(line.GetProperty("citations")));
    }

    [Fact]
    public async Task AskJson_PrintsTheSameObjectAsABatchLine()
    {
        const string question = "Which Health and Welfare projects use tablets?";

        var ask = await cli.RunAsync("ask", question, "--json");
        var batch = await cli.RunWithInputAsync(Line("q", question) + "\n", "batch");

        Assert.True(ask.ExitCode == 0, ask.ToString());
        var asked = JsonDocument.Parse(ask.Stdout).RootElement;
        var batched = Assert.Single(OutputLines(batch.Stdout));
        Assert.Equal(batched.GetProperty("answer").GetString(), asked.GetProperty("answer").GetString());
        Assert.Equal(Strings(batched.GetProperty("citations")), Strings(asked.GetProperty("citations")));
        Assert.Equal(Strings(batched.GetProperty("retrieved")), Strings(asked.GetProperty("retrieved")));
    }

    [Fact]
    public async Task Ask_PrintsTheAnswerAndTheInterpretation()
    {
        var result = await cli.RunAsync("ask", "農林水産部の事業費の合計は？");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("**2,375,467千円**", result.Stdout);
        Assert.Contains("部局: 農林水産部", result.Stderr);
    }
}
