using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Cli.Tests;

/// <summary>The command's failures (a malformed document, no index, a locked index) and warnings, each on its own temp index.</summary>
public sealed class CliFailureTests : IDisposable
{
    private const string Header =
        "整理番号\t新規\t施策（事業）名称\t取組概要\t事業費（千円）\t目標の達成度\t実績・成果等\t部局等名\t担当課";

    private readonly TempDirectory _dir = new();

    private string IndexPath => Path.Combine(_dir.Path, "index");

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> Run(params string[] args) => Ictplan.RunAsync(_dir.Path, [.. args, "--index", IndexPath]);

    private string WritePlan(string name, params string[] lines)
    {
        var path = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string ValidPlan() => WritePlan("good.txt", "1 復興への取組", "", Header,
        "1\t\tドローン活用事業\tドローンを活用する。\t1,000\t計画どおり実施\t実施した。\t企画調整部\t情報政策課");

    private string MalformedPlan(string name = "bad.txt") => WritePlan(name, "1 復興への取組", "", Header,
        "1\t\t壊れた行\t概要。\t1,000\t計画どおり実施\t実施した。\t企画調整部");

    [Fact]
    public async Task Ingest_OfAMalformedDocument_ExitsNonZeroPrintsFileAndLineAndLeavesTheIndexAsItWas()
    {
        var good = await Run("ingest", "--source", ValidPlan());
        Assert.True(good.ExitCode == 0, good.ToString());
        var served = new IndexLocation(IndexPath).CurrentGeneration();
        var before = await Run("export");

        var bad = MalformedPlan();
        var result = await Run("ingest", "--source", bad);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{bad}:4:", result.Stderr);
        Assert.Contains("8 cells", result.Stderr);
        Assert.Equal(served, new IndexLocation(IndexPath).CurrentGeneration());
        var after = await Run("export");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(before.Stdout, after.Stdout);
        Assert.Contains("ドローン活用事業", after.Stdout);
    }

    [Fact]
    public async Task Ingest_OfAMalformedDocument_PrintsEachErrorOnOneLineHoweverLong()
    {
        // Longer than the 80 columns a console library assumes when output goes to a pipe.
        var bad = MalformedPlan(Path.Combine("plans-received-from-the-prefecture-for-the-fiscal-year", "bad.txt"));

        var result = await Run("ingest", "--source", bad);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Stderr.Split('\n'), l => l.StartsWith($"{bad}:4: ", StringComparison.Ordinal) && l.Contains("8 cells") && l.Contains("9"));
        Assert.Null(new IndexLocation(IndexPath).CurrentGeneration());
    }

    [Fact]
    public async Task Ingest_WithOddBudgetText_SucceedsAndListsTheWarningWithFileAndLine()
    {
        var plan = WritePlan("odd.txt", "1 復興への取組", "", Header,
            "1\t\t予算未定の事業\t概要。\t約1,000\t計画どおり実施\t実施した。\t企画調整部\t情報政策課");

        var result = await Run("ingest", "--source", plan);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 rows", result.Stdout);
        var warning = Assert.Single(result.Stdout.Split('\n'), l => l.Contains($"{plan}:4:"));
        Assert.Contains("約1,000", warning);
        Assert.True(result.Stdout.IndexOf("1 rows", StringComparison.Ordinal) < result.Stdout.IndexOf(warning, StringComparison.Ordinal), "warnings come after the summary");
    }

    [Fact]
    public async Task Search_WithNoIndex_ExitsNonZeroWithAClearMessage()
    {
        var result = await Run("search", "タブレット");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No index", result.Stderr);
        Assert.Contains("ictplan ingest", result.Stderr);
        Assert.Equal("", result.Stdout.Trim());
    }

    [Fact]
    public async Task Export_WithNoIndex_ExitsNonZeroWithAClearMessage()
    {
        var result = await Run("export");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No index", result.Stderr);
    }

    [Fact]
    public async Task Ingest_WhileAnotherProcessHoldsTheLock_ExitsNonZeroAndChangesNothing()
    {
        var good = await Run("ingest", "--source", ValidPlan());
        Assert.True(good.ExitCode == 0, good.ToString());
        var location = new IndexLocation(IndexPath);
        var served = location.CurrentGeneration();

        CliResult result;
        using (location.LockForWriting())
        {
            result = await Run("ingest", "--source", ValidPlan());
        }

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Another ingest", result.Stderr);
        Assert.Equal(served, location.CurrentGeneration());
    }

    [Fact]
    public async Task Ingest_OfAMissingFile_ExitsNonZeroNamingIt()
    {
        var missing = Path.Combine(_dir.Path, "missing.txt");

        var result = await Run("ingest", "--source", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing.txt", result.Stderr);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Ingest_IntoAnIndexItMayNotWrite_SaysSoRatherThanThatAnotherIngestIsWriting()
    {
        var good = await Run("ingest", "--source", ValidPlan());
        Assert.True(good.ExitCode == 0, good.ToString());
        var served = new IndexLocation(IndexPath).CurrentGeneration();

        var result = await IngestAsAUserWhoMayNotWrite(IndexPath, ValidPlan());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Cannot write the index", result.Stderr);
        Assert.DoesNotContain("Another ingest", result.Stderr);
        Assert.Equal(served, new IndexLocation(IndexPath).CurrentGeneration());
    }

    /// <summary>
    /// ictplan ingest into an index directory its user may not write: as root (which may write anything) the command
    /// runs as nobody through setpriv; as anyone else the directory is made read-only.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private async Task<ProcessResult> IngestAsAUserWhoMayNotWrite(string index, string plan)
    {
        string[] ingest = [ProcessRunner.Dotnet, Ictplan.Dll, "ingest", "--source", plan, "--index", index];
        var environment = new Dictionary<string, string> { ["HOME"] = Path.GetTempPath(), ["DOTNET_CLI_HOME"] = Path.GetTempPath() };
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(index, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            try
            {
                return await ProcessRunner.RunAsync(ingest[0], ingest[1..], _dir.Path, environment);
            }
            finally
            {
                File.SetUnixFileMode(index, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        // nobody may read the plan and the index (the test directory is private to its owner) but write neither.
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        return await ProcessRunner.RunAsync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", .. ingest], _dir.Path, environment);
    }
}
