using IctPlanAssistant.Serialization;
using IctPlanAssistant.Tests.Shared;

namespace IctPlanAssistant.Core.Tests.Serialization;

public sealed class PlanRowCsvTests
{
    private static string Write(params PlanRow[] rows)
    {
        using var writer = new StringWriter();
        PlanRowCsv.Write(writer, rows);
        return writer.ToString();
    }

    [Theory]
    [InlineData("広報課", "広報課")]
    [InlineData("", "")]
    [InlineData("1,943,682", "\"1,943,682\"")]
    [InlineData("「福島の旅」", "「福島の旅」")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("一行目\n二行目", "\"一行目\n二行目\"")]
    [InlineData("a\r\nb", "\"a\r\nb\"")]
    public void Quote_QuotesOnlyCellsThatNeedIt(string cell, string expected)
    {
        Assert.Equal(expected, PlanRowCsv.Quote(cell));
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+81-24", "'+81-24")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    public void Quote_PrefixesCellsASpreadsheetWouldRunAsAFormula(string cell, string expected)
    {
        Assert.Equal(expected, PlanRowCsv.Quote(cell));
    }

    [Theory]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("-1+1")]
    [InlineData("-1*A1")]
    public void Quote_PrefixesAFormulaThatStartsWithANegativeNumber(string cell)
    {
        Assert.StartsWith("'", PlanRowCsv.Quote(cell).TrimStart('"'));
    }

    [Theory]
    [InlineData("-500")]
    [InlineData("-1200")]
    public void Quote_LeavesANegativeNumberAsANumber(string cell)
    {
        Assert.Equal(cell, PlanRowCsv.Quote(cell));
    }

    [Fact]
    public void Write_StartsWithTheHeaderRow()
    {
        var records = Rfc4180.Read(Write());

        var header = Assert.Single(records);
        Assert.Equal(
            ["id", "section", "sectionTitle", "number", "isNew", "name", "summary", "budgetThousandYen", "budgetText",
             "achievement", "results", "department", "divisions", "source", "line"],
            header);
    }

    [Fact]
    public void Write_EndsEveryRecordWithCrLf()
    {
        var csv = Write(TestRows.Sample(), TestRows.Sample());

        Assert.EndsWith("\r\n", csv);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Write_WritesEveryFieldOfTheRow()
    {
        var row = TestRows.Sample(divisions: ["農林企画課", "農業振興課"]);

        var record = Rfc4180.Read(Write(row))[1];

        Assert.Equal(
            ["1-2", "1", "復興への取組", "2", "false", "避難者見守り活動支援事業", "タブレット端末を活用した情報共有を行う。", "1943682", "1,943,682",
             "計画どおり実施", "相談活動を実施した。", "保健福祉部", "農林企画課 / 農業振興課", "fukushima-ict-action-plan-2017.txt", "17"],
            record);
    }

    [Fact]
    public void Write_LeavesTheBudgetEmptyWhenThereIsNone()
    {
        var record = Rfc4180.Read(Write(TestRows.Sample(budget: null)))[1];

        Assert.Equal("", record[7]);
        Assert.Equal("—", record[8]);
    }

    [Fact]
    public void Write_RoundTripsCommasQuotesAndLineBreaksThroughAnRfc4180Reader()
    {
        var row = TestRows.Sample(
            name: "\"ふくしま\",事業",
            results: "講座受講者数99名\nアプリケーション等制作数35件",
            summary: "研究, 開発\r\nと \"実証\"");

        var records = Rfc4180.Read(Write(row));

        Assert.Equal(2, records.Count);
        Assert.Equal(row.Name, records[1][5]);
        Assert.Equal(row.Summary, records[1][6]);
        Assert.Equal(row.Results, records[1][10]);
        Assert.All(records, r => Assert.Equal(PlanRowCsv.Header.Length, r.Length));
    }

    [Fact]
    public void Write_WithTheJapaneseColumns_UsesThePlansColumnNamesAndACircleForNew()
    {
        using var writer = new StringWriter();
        PlanRowCsv.Write(writer, [TestRows.Sample() with { IsNew = true }, TestRows.Sample()], PlanRowCsv.JapaneseColumns);

        var records = Rfc4180.Read(writer.ToString());

        Assert.Equal(["番号", "柱", "柱の名称", "整理番号", "新規", "施策（事業）名称", "取組概要", "事業費（千円）", "事業費（資料の記載）",
            "目標の達成度", "取組実績・成果等", "部局等名", "担当課", "資料", "行"], records[0]);
        Assert.Equal("〇", records[1][4]);
        Assert.Equal("", records[2][4]);
    }

    [Fact]
    public void Write_GuardsATextFieldThatStartsLikeAFormula()
    {
        var record = Rfc4180.Read(Write(TestRows.Sample(name: "=1+1")))[1];

        Assert.Equal("'=1+1", record[5]);
    }

    [Fact]
    public void Write_WritesThePlanPrefixedId()
    {
        var record = Rfc4180.Read(Write(TestRows.Sample(plan: "2017")))[1];

        Assert.Equal("2017:1-2", record[0]);
    }
}
