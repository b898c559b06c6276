namespace IctPlanAssistant.Cli.Tests;

/// <summary>The bundled plan ingested once by <c>ictplan ingest</c> into a temp index.</summary>
public sealed class IngestedIndexFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public string WorkingDirectory => _dir.Path;

    public string IndexPath => Path.Combine(_dir.Path, "index");

    public CliResult Ingest { get; private set; } = null!;

    public Task<CliResult> RunAsync(params string[] args) => Ictplan.RunAsync(WorkingDirectory, [.. args, "--index", IndexPath]);

    /// <summary>Runs a command with text on its standard input.</summary>
    public Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => Ictplan.RunWithInputAsync(WorkingDirectory, stdin, [.. args, "--index", IndexPath]);

    public async Task InitializeAsync() => Ingest = await RunAsync("ingest");

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
