using System.Text;
using IctPlanAssistant.Ingestion;
using static IctPlanAssistant.Core.Tests.Ingestion.SmallPlan;

namespace IctPlanAssistant.Core.Tests.Ingestion;

/// <summary>Each variation a converted plan document brings, on a small document written here.</summary>
public sealed class PlanDocumentParserQuirkTests
{
    [Fact]
    public void Parse_ReadsCrlfLineEndingsWithoutCarriageReturnsInFields()
    {
        var text = string.Join("\r\n",
            "1 復興への取組",
            "",
            Header,
            Row(1, "第一事業", divisions: "広報課"),
            Row(2, "第二事業", divisions: "農林企画課 農業振興課"),
            "",
            "2 産業振興",
            Header,
            Row(1, "第三事業")) + "\r\n";

        var plan = Parse(text);

        Assert.Equal(3, plan.Rows.Count);
        Assert.Equal(["復興への取組", "産業振興"], plan.Sections.Select(s => s.Title));
        Assert.Equal([4, 5, 9], plan.Rows.Select(r => r.Line));
        Assert.Equal(["広報課"], plan.Rows[0].Divisions);
        Assert.Equal(["農林企画課", "農業振興課"], plan.Rows[1].Divisions);
        foreach (var row in plan.Rows)
        {
            string[] fields = [row.SectionTitle, row.Name, row.Summary, row.BudgetText, row.Achievement, row.Results, row.Department, .. row.Divisions];
            Assert.All(fields, f => Assert.DoesNotContain('\r', f));
        }
    }

    [Theory]
    [InlineData("# 1 復興への取組")]
    [InlineData("## 1 復興への取組")]
    [InlineData("### 1 復興への取組")]
    [InlineData("###### 1 復興への取組")]
    [InlineData("## 1 復興への取組 ##")]
    [InlineData("1 復興への取組")]
    [InlineData("**1 復興への取組**")]
    [InlineData("第1 復興への取組")]
    [InlineData("１．復興への取組")]
    [InlineData("1. 復興への取組")]
    public void Parse_ReadsSectionHeadingWrittenAs(string heading)
    {
        var plan = Parse(Lines(heading, "", Header, Row(1, "事業")));

        var section = Assert.Single(plan.Sections);
        Assert.Equal(1, section.Number);
        Assert.Equal("復興への取組", section.Title);
        Assert.Equal("復興への取組", plan.Rows[0].SectionTitle);
    }

    [Fact]
    public void Parse_ReadsSetextHeadings()
    {
        var plan = Parse(Lines(
            "1 復興への取組",
            "==========",
            "",
            Header,
            Row(1, "第一事業"),
            "",
            "2 産業振興・地域活性化",
            "----------",
            "",
            Header,
            Row(1, "第二事業")));

        Assert.Equal(["復興への取組", "産業振興・地域活性化"], plan.Sections.Select(s => s.Title));
        Assert.Equal([1, 2], plan.Rows.Select(r => r.Section));
    }

    [Fact]
    public void Parse_ReadsHeadingsOfMixedLevelsInOneDocument()
    {
        var plan = Parse(Lines(
            "1 復興への取組", "", Header, Row(1, "一"),
            "", "## 2 産業振興", "", Header, Row(1, "二"),
            "", "### 3 安全・安心", "", Header, Row(1, "三"),
            "", "#### 4 人材育成", "", Header, Row(1, "四")));

        Assert.Equal([1, 2, 3, 4], plan.Sections.Select(s => s.Number));
        Assert.Equal(["一", "二", "三", "四"], plan.Rows.Select(r => r.Name));
        Assert.Equal([1, 2, 3, 4], plan.Rows.Select(r => r.Section));
    }

    [Fact]
    public void Parse_TakesAnUnnumberedMarkdownHeadingFollowedByRowsAsTheNextSection()
    {
        var plan = Parse(Lines("## 復興への取組", "", Header, Row(1, "一"), "", "## 産業振興", "", Header, Row(1, "二")));

        Assert.Equal([(1, "復興への取組"), (2, "産業振興")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["1-1", "2-1"], plan.Rows.Select(r => r.Id.ToString()));
    }

    [Fact]
    public void Parse_IgnoresARepeatedSectionHeadingOnANewPage()
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一"), "", "1 復興への取組", Header, Row(2, "二")));

        Assert.Single(plan.Sections);
        Assert.Equal(["1-1", "1-2"], plan.Rows.Select(r => r.Id.ToString()));
    }

    [Fact]
    public void Parse_SkipsHeaderRowsRepeatedOnEveryPage()
    {
        var plan = Parse(Lines(
            "1 復興への取組", "", Header, Row(1, "一"), Row(2, "二"),
            "", Header, Row(3, "三"),
            "", Header, Header, Row(4, "四")));

        Assert.Equal([1, 2, 3, 4], plan.Rows.Select(r => r.Number));
        Assert.DoesNotContain(plan.Rows, r => r.Name.Contains("名称"));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Parse_ReadsColumnsByHeaderNameWhenTheirOrderChanges()
    {
        const string header = "整理番号\t施策（事業）名称\t部局等名\t担当課\t新規\t事業費（千円）\t取組概要\t実績・成果等\t目標の達成度";
        var row = string.Join('\t', "7", "並べ替え事業", "総務部", "広報課 情報政策課", "○", "2,500", "概要です。", "成果です。", "目標達成");

        var parsed = Assert.Single(Parse(Lines("1 復興への取組", header, row)).Rows);

        Assert.Equal(7, parsed.Number);
        Assert.Equal("並べ替え事業", parsed.Name);
        Assert.Equal("総務部", parsed.Department);
        Assert.Equal(["広報課", "情報政策課"], parsed.Divisions);
        Assert.True(parsed.IsNew);
        Assert.Equal(2500, parsed.BudgetThousandYen);
        Assert.Equal("概要です。", parsed.Summary);
        Assert.Equal("成果です。", parsed.Results);
        Assert.Equal("目標達成", parsed.Achievement);
    }

    [Fact]
    public void Parse_ReadsColumnsByHeaderNameWhenTheNumberColumnIsNotFirst()
    {
        const string header = "新規\t整理番号\t施策（事業）名称\t取組概要\t事業費（千円）\t目標の達成度\t実績・成果等\t部局等名\t担当課";
        var row = string.Join('\t', "〇", "3", "番号が二列目の事業", "概要です。", "900", "計画どおり実施", "成果です。", "土木部", "土木企画課");

        var parsed = Assert.Single(Parse(Lines("1 復興への取組", header, row)).Rows);

        Assert.Equal("1-3", parsed.Id.ToString());
        Assert.True(parsed.IsNew);
        Assert.Equal("番号が二列目の事業", parsed.Name);
        Assert.Equal(900, parsed.BudgetThousandYen);
        Assert.Equal("土木部", parsed.Department);
    }

    [Fact]
    public void Parse_ReadsAHeaderWithFewerColumns()
    {
        const string header = "整理番号\t施策名称\t部局等名\t担当課";
        var parsed = Assert.Single(Parse(Lines("1 復興への取組", header, "1\t短い事業\t総務部\t広報課")).Rows);

        Assert.Equal("短い事業", parsed.Name);
        Assert.Equal(["広報課"], parsed.Divisions);
        Assert.Null(parsed.BudgetThousandYen);
        Assert.False(parsed.IsNew);
        Assert.Equal("", parsed.Summary);
    }

    [Fact]
    public void Parse_ConvertsBudgetToThousandYenFromTheHeaderUnit()
    {
        var header = Header.Replace("事業費（千円）", "事業費（百万円）");
        var parsed = Assert.Single(Parse(Lines("1 復興への取組", header, Row(1, "事業", budget: "12"))).Rows);

        Assert.Equal(12000, parsed.BudgetThousandYen);
        Assert.Equal("12", parsed.BudgetText);
    }

    [Fact]
    public void Parse_ReadsAPipeTableDocument()
    {
        var plan = Parse(Lines(
            "# 1 復興への取組",
            "",
            "| 整理番号 | 新規 | 施策（事業）名称 | 取組概要 | 事業費（千円） | 目標の達成度 | 実績・成果等 | 部局等名 | 担当課 |",
            "|---|---|---|---|---|---|---|---|---|",
            "| 1 | ○ | 福が満開福の しま観光 | 観光の概要。 | 1,943,682 | 計画どおり 実施 | 成果A \\| 成果B | 商工労働部 | 観光交流課 |",
            "| 2 |  | 二つ目の事業 | 概要。 | — | 目標達成 | 成果。 | 保健福祉部 | 高齢福祉課 地域医療課 |",
            "",
            "## 2 産業振興",
            "",
            "| 整理番号 | 新規 | 施策（事業）名称 | 取組概要 | 事業費（千円） | 目標の達成度 | 実績・成果等 | 部局等名 | 担当課 |",
            "|:--|:-:|---|---|--:|---|---|---|---|",
            "| 1 | 〇 | 三つ目 | 概要。 | 10 | 計画どおり実施 | 成果。 | 総務部 | 広報課 |"));

        Assert.Equal(["1-1", "1-2", "2-1"], plan.Rows.Select(r => r.Id.ToString()));
        var first = plan.Rows[0];
        Assert.True(first.IsNew);
        Assert.Equal("福が満開福のしま観光", first.Name);
        Assert.Equal(1943682, first.BudgetThousandYen);
        Assert.Equal("計画どおり実施", first.Achievement);
        Assert.Equal("成果A | 成果B", first.Results);
        Assert.Equal(5, first.Line);
        Assert.Null(plan.Rows[1].BudgetThousandYen);
        Assert.Equal(["高齢福祉課", "地域医療課"], plan.Rows[1].Divisions);
        Assert.True(plan.Rows[2].IsNew);
        Assert.Equal(12, plan.Rows[2].Line);
    }

    [Fact]
    public void Parse_ReadsTheLastRowWithoutAFinalNewline()
    {
        var text = string.Join('\n', "1 復興への取組", Header, Row(1, "一"), Row(2, "最後の事業", divisions: "最後課"));
        Assert.False(text.EndsWith('\n'));

        var plan = Parse(text);

        var last = plan.Rows[^1];
        Assert.Equal("最後の事業", last.Name);
        Assert.Equal(["最後課"], last.Divisions);
        Assert.Equal(4, last.Line);
    }

    [Fact]
    public void Parse_ReadsTheLastRowWithoutAFinalNewlineAfterCrlfLines()
    {
        var text = string.Join("\r\n", "1 復興への取組", Header, Row(1, "一"), Row(2, "最後の事業", divisions: "最後課"));

        var last = Parse(text).Rows[^1];

        Assert.Equal(["最後課"], last.Divisions);
        Assert.Equal(4, last.Line);
    }

    [Fact]
    public void ParseFile_ReadsAShiftJisEncodedFileAndSaysSo()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sjis-plan.txt");
        File.WriteAllText(path, Lines("1 復興への取組", Header, Row(1, "避難者見守り活動支援事業", isNew: "○", divisions: "社会福祉課")), Encoding.GetEncoding(932));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)));

        var plan = new PlanDocumentParser().ParseFile(path);

        var row = Assert.Single(plan.Rows);
        Assert.Equal("避難者見守り活動支援事業", row.Name);
        Assert.Equal("復興への取組", row.SectionTitle);
        Assert.True(row.IsNew);
        Assert.Equal(["社会福祉課"], row.Divisions);
        Assert.Equal("sjis-plan.txt", row.Source);
        var note = Assert.Single(plan.Warnings);
        Assert.Contains("Shift_JIS", note.Message);
    }

    [Fact]
    public void ParseFile_ReadsAUtf8FileWithByteOrderMark()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bom.txt");
        File.WriteAllText(path, Lines("1 復興への取組", Header, Row(1, "一")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var plan = new PlanDocumentParser().ParseFile(path);

        Assert.Equal("復興への取組", plan.Sections.Single().Title);
        Assert.Single(plan.Rows);
        Assert.Empty(plan.Warnings);
    }

    [Theory]
    [InlineData("約1,000")]
    [InlineData("1,000（補正後）")]
    [InlineData("未定")]
    public void Parse_KeepsOddBudgetTextAndReportsAWarning(string budget)
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一"), Row(2, "二", budget: budget)));

        var row = plan.Rows[1];
        Assert.Null(row.BudgetThousandYen);
        Assert.Equal(budget, row.BudgetText);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(4, warning.Line);
        Assert.StartsWith("plan.txt:4: 1-2", warning.ToString());
        Assert.Contains(budget, warning.Message);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("－")]
    [InlineData("")]
    public void Parse_ReadsDashOrEmptyBudgetAsNullWithoutWarning(string budget)
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一", budget: budget)));

        Assert.Null(plan.Rows[0].BudgetThousandYen);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Parse_AcceptsEmptyTrailingCellsBeyondTheHeader()
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一", divisions: "広報課") + "\t\t"));

        Assert.Equal(["広報課"], plan.Rows.Single().Divisions);
    }

    [Fact]
    public void Parse_IgnoresProseBetweenTables()
    {
        var plan = Parse(Lines(
            "ふくしま創生ICT戦略アクションプラン2017に係る事業実施結果",
            "",
            "【活動概要】",
            "",
            "本計画の柱である「復興への取組」に基づき、取り組んだ。",
            "",
            "1 復興への取組",
            "",
            "\\* 目標の達成度： 各部局等において設定した目標値がある場合はその達成度を記載している。",
            "",
            Header,
            Row(1, "一")));

        Assert.Equal("復興への取組", plan.Sections.Single().Title);
        Assert.Equal(12, plan.Rows.Single().Line);
    }

    [Fact]
    public void Parse_UsesTheFileNameAsSourceAndThePathInDiagnostics()
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一", budget: "約5")), "/data/plans/2018.txt");

        Assert.Equal("2018.txt", plan.Rows[0].Source);
        Assert.Equal("2018.txt", plan.Source);
        Assert.StartsWith("/data/plans/2018.txt:3:", plan.Warnings.Single().ToString());
    }
}
