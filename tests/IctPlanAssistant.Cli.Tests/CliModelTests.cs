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
}
