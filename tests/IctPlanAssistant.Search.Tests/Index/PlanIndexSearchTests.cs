using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>Searches on a real index of the bundled plan.</summary>
public sealed class PlanIndexSearchTests(BundledIndexFixture index) : IClassFixture<BundledIndexFixture>
{
    private static IEnumerable<string> Ids(RetrievalResult result) => result.Rows.Select(r => r.Row.Id.ToString());

    private static IEnumerable<string> IdsOfRowsWriting(string word) =>
        BundledPlan.Rows.Where(r => new[] { r.Name, r.Summary, r.Results, r.Achievement, r.Department, string.Join(' ', r.Divisions) }.Any(f => f.Contains(word)))
            .Select(r => r.Id.ToString());

    [Fact]
    public void Ingest_ReportsEveryRowOfTheBundledPlan()
    {
        Assert.Equal(103, index.Report.RowCount);
        Assert.Equal([13, 20, 25, 15, 30], index.Report.Sections.Select(s => s.Rows));
        Assert.Equal(103, index.Report.Manifest.Rows);
        Assert.Empty(index.Report.Warnings);
        var source = Assert.Single(index.Report.Manifest.Sources);
        Assert.Null(source.Plan);
        Assert.Equal(5, source.Sections.Count);
        Assert.Equal(103, source.Rows);
        Assert.Equal(64, source.Sha256.Length);
    }

    [Fact]
    public void Ingest_PublishesTheGenerationThatHoldsTheManifest()
    {
        var generation = index.Location.CurrentGeneration();

        Assert.NotNull(generation);
        Assert.Equal(IndexManifest.CurrentSchemaVersion, index.Location.ReadManifest(generation)!.SchemaVersion);
        Assert.Equal(103, index.Location.ReadManifest(generation)!.Rows);
    }

    [Fact]
    public void Search_Tablet_FindsRow1_2()
    {
        Assert.Contains("1-2", Ids(index.Search("タブレット")));
    }

    [Fact]
    public void Search_Tablet_FindsExactlyTheRowsThatWriteIt()
    {
        var result = index.Search("タブレット");

        Assert.Equal(IdsOfRowsWriting("タブレット").Order(), Ids(result).Order());
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public void Search_HalfWidthTablet_FindsTheSameRows()
    {
        Assert.Equal(Ids(index.Search("タブレット")).Order(), Ids(index.Search("ﾀﾌﾞﾚｯﾄ")).Order());
    }

    [Fact]
    public void Search_Mimamori_FindsTheEvacueeWatchingSupportProjectFirst()
    {
        var result = index.Search("見守り");

        var first = result.Rows[0].Row;
        Assert.Equal("1-2", first.Id.ToString());
        Assert.Equal("避難者見守り活動支援事業", first.Name);
        Assert.Equal(IdsOfRowsWriting("見守り").Order(), Ids(result).Order());
    }

    [Fact]
    public void Search_DepartmentName_FindsItsTwelveRows()
    {
        var result = index.Search("保健福祉部");

        var expected = BundledPlan.Rows.Where(r => r.Department == "保健福祉部").Select(r => r.Id.ToString()).Order().ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, Ids(result).Order());
        Assert.Equal(12, result.Total);
        Assert.All(result.Rows, r => Assert.Equal("保健福祉部", r.Row.Department));
    }

    [Fact]
    public void Search_DepartmentFilter_FindsItsTwelveRowsInIdOrder()
    {
        var result = index.Retriever.Retrieve(new QueryInterpretation { Question = "保健福祉部の事業", Departments = ["保健福祉部"] });

        Assert.Equal(12, result.Total);
        Assert.Equal(result.Rows.Select(r => r.Row.Id).Order(), result.Rows.Select(r => r.Row.Id));
    }

    [Fact]
    public void Search_Fukushima_FindsEveryRowThatWritesItInHiragana()
    {
        Assert.Equal(IdsOfRowsWriting("ふくしま").Order(), Ids(index.Search("ふくしま")).Order());
    }

    [Fact]
    public void Search_InflectedVerb_MatchesOtherInflections()
    {
        var ids = Ids(index.Search("活用した")).ToList();

        Assert.Equal(ids.Order(), Ids(index.Search("活用する")).Order());
        Assert.Contains("1-2", ids); // タブレット端末を活用した
        // Rows that write only 活用され… or 活用すること…, never 活用し.
        var onlyPassive = BundledPlan.Rows.Single(r => r.Id.ToString() == "2-11");
        Assert.DoesNotContain("活用し", onlyPassive.Name + onlyPassive.Summary + onlyPassive.Results + onlyPassive.Achievement);
        Assert.Contains("2-11", ids);
        Assert.Contains("3-18", ids);
    }

    [Fact]
    public void Search_WordThePlanNeverUses_FindsNothing()
    {
        Assert.True(index.Search("ヘリコプター").IsEmpty);
    }

    [Fact]
    public void Search_HighlightsTheMatchInASnippet()
    {
        var row = index.Search("タブレット").Rows.Single(r => r.Row.Id.ToString() == "1-2");

        Assert.NotEmpty(row.Snippets);
    }

    [Fact]
    public void Get_ReturnsTheStoredRowWithEveryField()
    {
        foreach (var id in new[] { "1-2", "2-8", "2-10", "3-1", "4-1", "4-14", "5-30" })
        {
            var expected = BundledPlan.Rows.Single(r => r.Id.ToString() == id);
            var stored = index.Retriever.Get(RowId.Parse(id));
            Assert.NotNull(stored);
            Assert.Equal(PlanJson.Serialize(expected), PlanJson.Serialize(stored));
        }
    }

    [Fact]
    public void Get_ReturnsNullForAnUnknownId()
    {
        Assert.Null(index.Retriever.Get(RowId.Parse("1-99")));
        Assert.Null(index.Retriever.Get(RowId.Parse("2017:1-2")));
    }

    [Fact]
    public void All_ReturnsEveryRowInIdOrder()
    {
        var rows = index.Retriever.All().ToList();

        Assert.Equal(103, rows.Count);
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id));
        Assert.Equal(
            BundledPlan.Rows.OrderBy(r => r.Id).Select(r => PlanJson.Serialize(r)),
            rows.Select(r => PlanJson.Serialize(r)));
    }
}
