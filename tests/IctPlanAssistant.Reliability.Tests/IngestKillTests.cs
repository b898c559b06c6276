using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>An ingest killed with SIGKILL in the middle of a build loses nothing.</summary>
public sealed class IngestKillTests
{
    [Fact]
    public async Task IngestKilledMidBuild_LeavesTheServedIndexAndTheNextIngestSucceeds()
    {
        using var work = new TempDirectory();
        var index = work.Combine("index");
        var corpus = work.Combine("corpus");
        Assert.Equal(0, (await ProcessRunner.IctplanAsync(work.Path, null, "ingest", "--index", index)).ExitCode);
        Assert.Equal(0, (await ProcessRunner.IctplanAsync(work.Path, null, "generate-corpus", "--rows", "6000", "--out", corpus, "--rows-per-document", "500")).ExitCode);
        var location = new IndexLocation(index);
        var served = location.CurrentGeneration();

        using (var ingest = ProcessRunner.Start(ProcessRunner.Dotnet, [RepositoryPaths.CliDll, "ingest", "--index", index, "--source", corpus], work.Path))
        {
            _ = ingest.StandardOutput.ReadToEndAsync();
            _ = ingest.StandardError.ReadToEndAsync();
            // Kill it once the new generation has segment files on disk: mid-build, not before it began.
            var building = await WaitForAsync(() => Directory.EnumerateDirectories(index, "gen-*")
                .FirstOrDefault(d => d != served && Directory.EnumerateFiles(d).Any()), TimeSpan.FromSeconds(60));
            Assert.NotNull(building);
            Assert.False(ingest.HasExited, "the ingest finished before it could be killed");
            ingest.Kill(); // SIGKILL on Linux: no clean-up runs
            await ingest.WaitForExitAsync();
        }

        Assert.Equal(served, location.CurrentGeneration());
        var search = await ProcessRunner.IctplanAsync(work.Path, null, "search", "タブレット", "--json", "--index", index);
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("\"id\": \"1-2\"", search.Stdout);

        var again = await ProcessRunner.IctplanAsync(work.Path, null, "ingest", "--index", index, "--source", corpus);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("6000 rows", again.Stdout);
        var current = location.CurrentGeneration();
        Assert.NotEqual(served, current);
        // The killed build's remains are gone; the generation served before is kept for hosts still reading it.
        Assert.Equal(new[] { served, current }.Order(), Directory.EnumerateDirectories(index, "gen-*").Select(Path.GetFullPath).Order());
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (probe() is { } value) return value;
            await Task.Delay(20);
        }
        return default;
    }
}
