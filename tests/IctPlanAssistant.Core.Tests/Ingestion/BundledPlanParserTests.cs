using IctPlanAssistant.Ingestion;

namespace IctPlanAssistant.Core.Tests.Ingestion;

/// <summary>The parser on the bundled 2017 plan: counts, sections, and fields of rows with each quirk of the PDF conversion.</summary>
public sealed class BundledPlanParserTests
{
    private static readonly Lazy<PlanDocument> Document = new(() => new PlanDocumentParser().ParseFile(BundledPlan.Path));
    private static readonly Lazy<string[]> FileLines = new(() => File.ReadAllLines(BundledPlan.Path));

    private static PlanDocument Plan => Document.Value;

    private static PlanRow Row(string id) => Plan.Rows.Single(r => r.Id.ToString() == id);

    /// <summary>The raw cells of a row's line in the file.</summary>
    private static string[] RawCells(PlanRow row) => FileLines.Value[row.Line - 1].Split('\t');

    [Fact]
    public void Parse_BundledPlan_Has103Rows()
    {
        Assert.Equal(103, Plan.Rows.Count);
    }

    [Fact]
    public void Parse_BundledPlan_HasRowsPerSection_13_20_25_15_30()
    {
        var counts = Plan.Rows.GroupBy(r => r.Section).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToArray();
        Assert.Equal([(1, 13), (2, 20), (3, 25), (4, 15), (5, 30)], counts);
    }

    [Fact]
    public void Parse_BundledPlan_NumbersRowsOneToNWithinEachSection()
    {
        foreach (var section in Plan.Rows.GroupBy(r => r.Section))
        {
            Assert.Equal(Enumerable.Range(1, section.Count()), section.Select(r => r.Number));
        }
    }

    [Fact]
    public void Parse_BundledPlan_ReadsSectionTitlesWhateverTheHeadingLevel()
    {
        // Section 1 is a plain line, 2 and 5 are '##', 3 is '###', 4 is '####'.
        Assert.Equal(
            ["復興への取組", "産業振興・地域活性化", "安全・安心、防災への対応", "人材・基盤の育成、強化", "電子自治体・行政サービスの充実"],
            Plan.Sections.Select(s => s.Title));
        Assert.Equal([1, 2, 3, 4, 5], Plan.Sections.Select(s => s.Number));
        foreach (var row in Plan.Rows)
        {
            Assert.Equal(Plan.Sections[row.Section - 1].Title, row.SectionTitle);
        }
    }

    [Fact]
    public void Parse_BundledPlan_HasNoWarnings()
    {
        Assert.Empty(Plan.Warnings);
    }

    [Fact]
    public void Parse_Row1_2_HasEveryField()
    {
        var row = Row("1-2");
        Assert.Null(row.Plan);
        Assert.Equal(1, row.Section);
        Assert.Equal("復興への取組", row.SectionTitle);
        Assert.Equal(2, row.Number);
        Assert.False(row.IsNew);
        Assert.Equal("避難者見守り活動支援事業", row.Name);
        Assert.StartsWith("東日本大震災の被災地及び被災地からの避難者を受け入れている地域において", row.Summary);
        Assert.Contains("タブレット端末を活用した情報共有", row.Summary);
        Assert.Equal(1943682, row.BudgetThousandYen);
        Assert.Equal("1,943,682", row.BudgetText);
        Assert.Equal("計画どおり実施", row.Achievement);
        Assert.Equal("相談員の見守り・相談支援活動においてタブレット端末を活用しての相談活動を計画どおり実施した。", row.Results);
        Assert.Equal("保健福祉部", row.Department);
        Assert.Equal(["社会福祉課"], row.Divisions);
        Assert.Equal("fukushima-ict-action-plan-2017.txt", row.Source);
        Assert.Equal(17, row.Line);
    }

    [Fact]
    public void Parse_RemovesPdfWrapSpacesInsideJapaneseNames()
    {
        Assert.Contains("福が満開福の しま観光復興 推進事業", RawCells(Row("2-8"))[2]);
        Assert.Equal("福が満開福のしま観光復興推進事業", Row("2-8").Name);
        Assert.Equal("会津大学IT起業家育成事業", Row("4-1").Name);
    }

    [Fact]
    public void Parse_RemovesPdfWrapSpacesInsideAchievementText()
    {
        Assert.Equal("計画どおり 実施", RawCells(Row("1-8"))[5]);
        Assert.Equal("計画どおり実施", Row("1-8").Achievement);
    }

    [Fact]
    public void Parse_SplitsSeveralDivisionsSeparatedBySpaces()
    {
        Assert.Equal(["農林企画課", "農業振興課"], Row("2-10").Divisions);
        Assert.Equal(["広報課", "災害対策課", "土木企画課", "水・大気環境課"], Row("3-10").Divisions);
    }

    [Fact]
    public void Parse_KeepsBracketedPartWithTheDivisionBeforeIt()
    {
        Assert.Equal("環境共生課 （環境創造センター）", RawCells(Row("1-10"))[8]);
        Assert.Equal(["環境共生課（環境創造センター）"], Row("1-10").Divisions);
        Assert.Equal(["私学・法人課(会津大学)"], Row("4-1").Divisions);
    }

    [Fact]
    public void Parse_TurnsHtmlListIntoOneItemPerLine()
    {
        Assert.StartsWith("<ul", RawCells(Row("4-1"))[6]);
        Assert.Equal(["会津大学ベンチャー新規認定確定数1件", "講座受講者数99名", "アプリケーション等制作数35件"], Row("4-1").Results.Split('\n'));
    }

    [Fact]
    public void Parse_LeavesNoHtmlTagInAnyField()
    {
        foreach (var row in Plan.Rows)
        {
            string[] fields = [row.SectionTitle, row.Name, row.Summary, row.BudgetText, row.Achievement, row.Results, row.Department, .. row.Divisions];
            foreach (var field in fields)
            {
                Assert.False(field.Contains('<') || field.Contains('>'), $"{row.Id}: '{field}' has a tag character");
            }
        }
        Assert.Contains(FileLines.Value, l => l.Contains("<li>")); // the source does have tags
    }

    [Fact]
    public void Parse_ReadsNewFlagWrittenAsIdeographicZero()
    {
        Assert.Equal("\u3007", RawCells(Row("4-14"))[1]);
        Assert.True(Row("4-14").IsNew);
    }

    [Fact]
    public void Parse_ReadsNewFlagWrittenAsWhiteCircle()
    {
        Assert.Equal("\u25CB", RawCells(Row("1-8"))[1]);
        Assert.True(Row("1-8").IsNew);
    }

    [Fact]
    public void Parse_MarksRowNewExactlyWhenItsNewCellHasAFlag()
    {
        foreach (var row in Plan.Rows)
        {
            Assert.Equal(RawCells(row)[1].Trim().Length > 0, row.IsNew);
        }
        Assert.False(Row("1-2").IsNew);
    }

    [Fact]
    public void Parse_ReadsBudgetWithThousandsSeparators()
    {
        Assert.Equal(1943682, Row("1-2").BudgetThousandYen);
        Assert.Equal(28933000, Row("2-1").BudgetThousandYen);
        Assert.Equal(79, Row("5-10").BudgetThousandYen);
    }

    [Fact]
    public void Parse_ReadsDashBudgetAsNullAndKeepsTheDash()
    {
        var row = Row("3-1");
        Assert.Null(row.BudgetThousandYen);
        Assert.Equal("—", row.BudgetText);
        Assert.All(Plan.Rows.Where(r => r.BudgetThousandYen is null), r => Assert.Equal("—", r.BudgetText));
        Assert.Equal(9, Plan.Rows.Count(r => r.BudgetThousandYen is null));
    }

    [Fact]
    public void Parse_GivesEachRowTheFileNameAndTheLineItIsOn()
    {
        foreach (var row in Plan.Rows)
        {
            Assert.Equal("fukushima-ict-action-plan-2017.txt", row.Source);
            Assert.StartsWith(row.Number + "\t", FileLines.Value[row.Line - 1]);
        }
        Assert.Equal(46, Row("2-8").Line);
        Assert.Equal(104, Row("4-1").Line);
    }

    [Fact]
    public void Parse_GivesEveryRowADepartmentAndAtLeastOneDivision()
    {
        Assert.All(Plan.Rows, r =>
        {
            Assert.NotEmpty(r.Department);
            Assert.NotEmpty(r.Divisions);
            Assert.NotEmpty(r.Name);
        });
        Assert.Equal(12, Plan.Rows.Count(r => r.Department == "保健福祉部"));
    }

    [Fact]
    public void Parse_ReadsTheLastRowOfAFileWithoutFinalNewline()
    {
        Assert.NotEqual((byte)'\n', File.ReadAllBytes(BundledPlan.Path)[^1]);
        var last = Plan.Rows[^1];
        Assert.Equal("5-30", last.Id.ToString());
        Assert.Equal(FileLines.Value.Length, last.Line);
        Assert.Equal(RawCells(last)[8].Trim(), string.Join(' ', last.Divisions));
    }
}
