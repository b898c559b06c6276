using System.Text.Json;
using IctPlanAssistant.Answers.Tests.Support;

namespace IctPlanAssistant.Cli.Tests;

/// <summary><c>ictplan</c> reads the AI settings from the environment (AI__Provider …) and says which key is wrong.</summary>
public sealed class CliModelTests(IngestedIndexFixture cli) : IClassFixture<IngestedIndexFixture>
{
    private Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Ictplan.RunAsync(cli.WorkingDirectory, environment, [.. args, "--index", cli.IndexPath]);

    [Fact]
    public async Task A_missing_AI_endpoint_is_a_clear_error_naming_the_key()
    {
        var result = await RunAsync(new Dictionary<string, string> { ["AI__Provider"] = "OpenAICompatible", ["AI__Model"] = "m" }, "ask", "タブレット");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("AI:Endpoint", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_server_that_is_down_still_gets_an_answer_from_the_built_in_composer()
    {
        // Port 9 on loopback (discard) has no listener here: the connection is refused at once.
        var environment = new Dictionary<string, string>
        {
            ["AI__Provider"] = "OpenAICompatible",
            ["AI__Endpoint"] = "http://127.0.0.1:9/v1",
            ["AI__Model"] = "m",
            ["AI__MaxRetries"] = "1",
            ["AI__RetryDelaySeconds"] = "0.01",
        };

        var withModel = await RunAsync(environment, "ask", "タブレットを使っている事業は？", "--json");
        var builtIn = await RunAsync(new Dictionary<string, string>(), "ask", "タブレットを使っている事業は？", "--json");

        Assert.True(withModel.ExitCode == 0, withModel.ToString());
        Assert.Equal(builtIn.Stdout, withModel.Stdout);
    }

    [Fact]
    public async Task Ask_with_a_model_server_prints_the_models_checked_answer_citing_a_row_it_was_given()
    {
        await using var server = await FakeOpenAIServer.StartAsync(request => request.IsAnswer
            ? new Reply.Text(ScriptedReplies.CitingFirstBudget(request) + " 参考 [9-99]。")
            : new Reply.Text("タブレット"));

        var result = await RunAsync(ModelSettings(server), "ask", "タブレットを使っている事業は？", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var given = server.Requests.Single(r => r.IsAnswer).Rows.Select(ScriptedReplies.Id).ToList();
        using var output = JsonDocument.Parse(result.Stdout);
        var answer = output.RootElement.GetProperty("answer").GetString()!;
        var citations = output.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Contains("の事業費は", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("9-99", answer, StringComparison.Ordinal); // not given to the model: removed
        Assert.Equal([ScriptedReplies.Id(ScriptedReplies.FirstWithBudget(server.Requests.Single(r => r.IsAnswer)))], citations);
        Assert.All(citations, id => Assert.Contains(id, given));
    }

    [Fact]
    public async Task Batch_with_a_model_server_whose_figure_is_wrong_prints_the_built_in_answer_instead()
    {
        await using var server = await FakeOpenAIServer.StartAsync(request => request.IsAnswer
            ? new Reply.Text($"事業費は999,999,999千円です [{ScriptedReplies.Id(request.Rows[0])}]。")
            : new Reply.Text("タブレット"));
        var input = """{"id":"q1","question":"タブレットを使っている事業は？"}""" + "\n";

        var withModel = await Ictplan.RunWithInputAsync(cli.WorkingDirectory, ModelSettings(server), input, "batch", "--index", cli.IndexPath);
        var builtIn = await Ictplan.RunWithInputAsync(cli.WorkingDirectory, input, "batch", "--index", cli.IndexPath);

        Assert.True(withModel.ExitCode == 0, withModel.ToString());
        Assert.Contains(server.Requests, r => r.IsAnswer);
        Assert.DoesNotContain("999,999,999", withModel.Stdout, StringComparison.Ordinal);
        using var model = JsonDocument.Parse(withModel.Stdout);
        using var plain = JsonDocument.Parse(builtIn.Stdout);
        Assert.Equal(plain.RootElement.GetProperty("citations").ToString(), model.RootElement.GetProperty("citations").ToString());
    }

    private static Dictionary<string, string> ModelSettings(FakeOpenAIServer server) => new()
    {
        ["AI__Provider"] = "OpenAICompatible",
        ["AI__Endpoint"] = server.Endpoint.ToString(),
        ["AI__Model"] = "scripted",
        ["AI__SuggestFollowUps"] = "false",
    };
}
