using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>Ingest publishing, failing, refreshing and locking, each on its own real index in a temp directory.</summary>
public sealed class IngestLifecycleTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IndexLocation _location;

    public IngestLifecycleTests()
    {
        _location = new IndexLocation(Path.Combine(_dir.Path, "index"));
    }

    public void Dispose() => _dir.Dispose();

    private IngestReport Ingest(params string[] paths) => new PlanIngestor(_location).Ingest(PlanSource.Resolve(paths));

    private string Plan(string name, string topic) => SmallPlan.Valid(_dir.Path, name, topic);

    private List<string> GenerationDirectories() =>
        Directory.EnumerateDirectories(_location.Root, "gen-*").Select(Path.GetFullPath).Order().ToList();

    private static List<string> SearchIds(PlanIndex index, string text)
    {
        var retriever = new PlanRetriever(index, PlanAnalyzers.Create());
        return retriever.Retrieve(QueryInterpretation.ForText(text)).Rows.Select(r => r.Row.Id.ToString()).ToList();
    }

    private List<string> SearchIds(string text)
    {
        using var index = PlanIndex.Open(_location.Root);
        return SearchIds(index, text);
    }

    [Fact]
    public void Ingest_PublishesAGenerationThroughTheCurrentLink()
    {
        var report = Ingest(Plan("a.txt", "ドローン"));

        var current = _location.CurrentGeneration();
        Assert.NotNull(current);
        Assert.Equal([current], GenerationDirectories());
        Assert.NotNull(new FileInfo(_location.CurrentLink).LinkTarget);
        Assert.Equal(2, report.RowCount);
        Assert.Equal(["1-1"], SearchIds("ドローン"));
        Assert.Empty(Directory.EnumerateFiles(_location.Root, ".current.*"));
    }

    [Fact]
    public void Ingest_OfAMalformedDocument_FailsWithFileAndLineAndLeavesTheServedIndexUnchanged()
    {
        Ingest(Plan("a.txt", "ドローン"));
        var served = _location.CurrentGeneration();
        var generations = GenerationDirectories();
        var before = SearchIds("ドローン");
        var malformed = SmallPlan.Malformed(_dir.Path, "bad.txt");

        var error = Assert.Throws<PlanFormatException>(() => Ingest(malformed));

        Assert.StartsWith(malformed + ":4: ", error.Message);
        Assert.Equal(served, _location.CurrentGeneration());
        Assert.Equal(generations, GenerationDirectories());
        Assert.Equal(before, SearchIds("ドローン"));
        Assert.Equal(["1-1"], before);
    }

    [Fact]
    public void Ingest_OfGoodAndMalformedDocumentsTogether_WritesNothing()
    {
        Ingest(Plan("a.txt", "ドローン"));
        var served = _location.CurrentGeneration();
        var generations = GenerationDirectories();

        var error = Assert.Throws<PlanFormatException>(() => Ingest(Plan("b.txt", "タブレット"), SmallPlan.Malformed(_dir.Path, "bad.txt")));

        Assert.Single(error.Errors);
        Assert.Equal(served, _location.CurrentGeneration());
        Assert.Equal(generations, GenerationDirectories());
        Assert.Empty(SearchIds("タブレット"));
    }

    [Fact]
    public void Ingest_OfAMalformedDocumentIntoAnEmptyDirectory_PublishesNothing()
    {
        Assert.Throws<PlanFormatException>(() => Ingest(SmallPlan.Malformed(_dir.Path, "bad.txt")));

        Assert.Null(_location.CurrentGeneration());
        Assert.Throws<IndexMissingException>(() => PlanIndex.Open(_location.Root));
    }

    [Fact]
    public void Ingest_Again_PublishesANewGenerationAndKeepsOnlyItAndThePreviousOne()
    {
        Ingest(Plan("a.txt", "ドローン"));
        var first = _location.CurrentGeneration()!;
        Ingest(Plan("b.txt", "タブレット"));
        var second = _location.CurrentGeneration()!;

        Assert.NotEqual(first, second);
        Assert.Equal(new[] { first, second }.Order(), GenerationDirectories());
        Assert.Equal(["1-1"], SearchIds("タブレット"));
        Assert.Empty(SearchIds("ドローン"));

        var leftover = Directory.CreateDirectory(Path.Combine(_location.Root, "gen-20000101T000000000-dead00")).FullName;
        File.WriteAllText(Path.Combine(leftover, "_0.cfs"), "remains of a killed build");
        Ingest(Plan("c.txt", "マイナンバー"));
        var third = _location.CurrentGeneration()!;

        Assert.Equal(new[] { second, third }.Order(), GenerationDirectories());
        Assert.False(Directory.Exists(first));
        Assert.False(Directory.Exists(leftover));
        Assert.Equal(["1-1"], SearchIds("マイナンバー"));
    }

    [Fact]
    public void PlanIndex_OpenedBeforeAReingest_ServesTheNewGenerationAfterRefresh()
    {
        Ingest(Plan("a.txt", "ドローン"));
        using var index = PlanIndex.Open(_location.Root, checkInterval: TimeSpan.FromHours(1));
        var first = _location.CurrentGeneration();
        using var held = index.Acquire();

        Ingest(Plan("b.txt", "タブレット"));

        using (var stale = index.Acquire()) Assert.Equal(first, stale.Generation);
        Assert.Equal(["1-1"], SearchIds(index, "ドローン"));

        Assert.True(index.Refresh());

        using (var fresh = index.Acquire()) Assert.Equal(_location.CurrentGeneration(), fresh.Generation);
        Assert.Equal(["1-1"], SearchIds(index, "タブレット"));
        Assert.Empty(SearchIds(index, "ドローン"));
        Assert.False(index.Refresh());

        // A search that held the old snapshot finishes on it.
        Assert.Equal(first, held.Generation);
        Assert.Equal(2, held.Searcher.IndexReader.NumDocs);
    }

    [Fact]
    public async Task Ingest_WhileAnotherIngestHoldsTheLock_IsRefused()
    {
        var inside = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var progress = new BlockingProgress(p =>
        {
            // A document's report comes from inside the build, while it holds the lock.
            if (p.DocumentsRead == p.Documents && p.RowsIndexed > 0)
            {
                inside.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        });
        var firstPlan = Plan("a.txt", "ドローン");
        var first = Task.Run(() => new PlanIngestor(_location).Ingest(PlanSource.Resolve([firstPlan]), progress));
        try
        {
            Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the first ingest never reached the indexing stage");
            var generations = GenerationDirectories();

            var refused = Assert.ThrowsAny<IOException>(() => Ingest(Plan("b.txt", "タブレット")));

            Assert.Contains("Another ingest", refused.Message);
            Assert.Equal(generations, GenerationDirectories());
        }
        finally
        {
            release.Set();
        }
        var report = await first.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, report.RowCount);
        Assert.Equal(["1-1"], SearchIds("ドローン"));
        Assert.Empty(SearchIds("タブレット"));

        Ingest(Plan("b.txt", "タブレット")); // the lock is free again
        Assert.Equal(["1-1"], SearchIds("タブレット"));
    }

    [Fact]
    public void Ingest_ReportsEachDocumentAndTheRowsIndexedSoFar()
    {
        var reports = new List<IngestProgress>();

        new PlanIngestor(_location).Ingest(PlanSource.Resolve([Plan("a.txt", "ドローン"), Plan("b.txt", "タブレット")]), new BlockingProgress(r => { lock (reports) reports.Add(r); }));

        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(2, r.Documents));
        Assert.Equal([1, 2], reports.Select(r => r.DocumentsRead).Order());
        Assert.Equal(4, reports.Max(r => r.RowsIndexed));
    }

    [Fact]
    public void Ingest_OfSeveralDocuments_PrefixesEveryIdWithItsPlanKey()
    {
        var report = Ingest(Plan("2017.txt", "ドローン"), Plan("2018.txt", "タブレット"));

        Assert.Equal(4, report.RowCount);
        Assert.Equal(["2017", "2018"], report.Manifest.Sources.Select(s => s.Plan));
        Assert.Equal(["2017:1-1", "2017:1-2", "2018:1-1", "2018:1-2"], ExportedIds());
        Assert.Equal(["2018:1-1"], SearchIds("タブレット"));
    }

    private List<string> ExportedIds()
    {
        using var index = PlanIndex.Open(_location.Root);
        return new PlanRetriever(index, PlanAnalyzers.Create()).All().Select(r => r.Id.ToString()).ToList();
    }

    [Fact]
    public void Ingest_OfARowWithACellTooLongToIndex_FailsWithFileAndLineAndLeavesTheServedIndexUnchanged()
    {
        Ingest(Plan("a.txt", "ドローン"));
        var served = _location.CurrentGeneration();
        var huge = SmallPlan.Write(_dir.Path, "huge.txt", "1 復興への取組", "", SmallPlan.Header,
            SmallPlan.Row(1, "巨大な部局の事業", department: new string('部', 40_000)));

        var error = Assert.Throws<PlanFormatException>(() => Ingest(huge));

        Assert.StartsWith(huge + ":4: ", error.Message);
        Assert.Contains("部局等名", error.Message);
        Assert.Contains("40,000", error.Message);
        Assert.Equal(served, _location.CurrentGeneration());
        Assert.Equal(["1-1"], SearchIds("ドローン"));
    }

    [Fact]
    public void Ingest_KeepsItsLockFile_SoEveryIngestLocksTheSameFile()
    {
        Ingest(Plan("a.txt", "ドローン"));
        var lockFile = Path.Combine(_location.Root, ".ingest.lock");
        Assert.True(File.Exists(lockFile), "the lock file was deleted when the ingest closed it");
        var inode = Inode(lockFile);

        Ingest(Plan("b.txt", "タブレット"));

        Assert.Equal(inode, Inode(lockFile));
    }

    private static string Inode(string path) =>
        ProcessRunner.RunAsync("stat", ["-c", "%i", path], Path.GetDirectoryName(path)!).GetAwaiter().GetResult().Stdout.Trim();

    private sealed class BlockingProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
