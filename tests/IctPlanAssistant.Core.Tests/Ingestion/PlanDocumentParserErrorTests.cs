using IctPlanAssistant.Ingestion;
using static IctPlanAssistant.Core.Tests.Ingestion.SmallPlan;

namespace IctPlanAssistant.Core.Tests.Ingestion;

/// <summary>Documents that cannot be read as a plan fail with <c>file:line: what is wrong</c>.</summary>
public sealed class PlanDocumentParserErrorTests
{
    [Fact]
    public void Parse_FailsOnARowWithTooFewCells_NamingFileAndLine()
    {
        var shortRow = string.Join('\t', Row(2, "二").Split('\t')[..8]);
        var error = ParseFails(Lines("1 復興への取組", "", Header, Row(1, "一"), shortRow, Row(3, "三")), "plans/bad.txt");

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(5, diagnostic.Line);
        Assert.StartsWith("plans/bad.txt:5: ", error.Message);
        Assert.Contains("8 cells", error.Message);
        Assert.Contains("9", diagnostic.Message);
    }

    [Fact]
    public void Parse_FailsOnARowWithTooManyCells_NamingFileAndLine()
    {
        var error = ParseFails(Lines("1 復興への取組", Header, Row(1, "一") + "\t余分なセル"), "bad.txt");

        Assert.StartsWith("bad.txt:3: ", error.Message);
        Assert.Contains("10 cells", error.Message);
    }

    [Fact]
    public void Parse_FailsOnARowBeforeAnySection_NamingFileAndLine()
    {
        var error = ParseFails(Lines("事業一覧", "", Header, Row(1, "一"), "", "1 復興への取組", Header, Row(2, "二")), "bad.txt");

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(4, diagnostic.Line);
        Assert.StartsWith("bad.txt:4: ", error.Message);
        Assert.Contains("before any section", error.Message);
    }

    [Fact]
    public void Parse_FailsOnADuplicateRowId_NamingTheSecondLineAndTheFirst()
    {
        var error = ParseFails(Lines("1 復興への取組", Header, Row(1, "一"), Row(2, "二"), "", Header, Row(2, "二の重複")), "bad.txt");

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(7, diagnostic.Line);
        Assert.StartsWith("bad.txt:7: ", error.Message);
        Assert.Contains("duplicate row id 1-2", error.Message);
        Assert.Contains("line 4", error.Message);
    }

    [Fact]
    public void Parse_AllowsTheSameNumberInDifferentSections()
    {
        var plan = Parse(Lines("1 復興への取組", Header, Row(1, "一"), "2 産業振興", Header, Row(1, "二")));

        Assert.Equal(["1-1", "2-1"], plan.Rows.Select(r => r.Id.ToString()));
    }

    [Fact]
    public void Parse_FailsOnANumberThatIsNotAWholeNumber_NamingFileAndLine()
    {
        var row = Row(1, "一").Replace("1\t", "一\t");
        var error = ParseFails(Lines("1 復興への取組", Header, row), "bad.txt");

        Assert.StartsWith("bad.txt:3: ", error.Message);
        Assert.Contains("整理番号", error.Message);
    }

    [Fact]
    public void Parse_ReportsEveryErrorOfTheDocumentEachWithItsLine()
    {
        var shortRow = string.Join('\t', Row(2, "二").Split('\t')[..7]);
        var error = ParseFails(Lines(Row(9, "前"), "1 復興への取組", Header, Row(1, "一"), shortRow, Row(1, "重複")), "bad.txt");

        Assert.Equal([1, 5, 6], error.Errors.Select(e => e.Line));
        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^bad\.txt:\d+: \S", l));
    }

    [Fact]
    public void Parse_FailsOnADocumentWithNoRows()
    {
        var error = ParseFails(Lines("1 復興への取組", "", "本文だけの文書。"), "empty.txt");

        Assert.StartsWith("empty.txt:1: ", error.Message);
    }

    [Fact]
    public void Parse_FailsOnAHeaderWithoutAName_NamingFileAndLine()
    {
        const string header = "整理番号\t新規\t取組概要\t事業費（千円）\t部局等名\t担当課";
        var error = ParseFails(Lines("1 復興への取組", header, "1\t\t概要\t10\t総務部\t広報課"), "bad.txt");

        Assert.StartsWith("bad.txt:2: ", error.Message);
        Assert.Contains("Name", error.Message);
    }

    [Fact]
    public void ParseFile_NamesThePathItWasGiven()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.txt");
        File.WriteAllText(path, Lines("1 復興への取組", Header, "1\t\t一"));

        var error = Assert.Throws<PlanFormatException>(() => new PlanDocumentParser().ParseFile(path));

        Assert.StartsWith(path + ":3: ", error.Message);
    }

    [Fact]
    public void Parse_OfADocumentOfBadLines_ListsTheFirstHundredErrorsAndCountsTheRest()
    {
        var bad = string.Join('\t', Row(1, "壊れた行").Split('\t')[..8]);
        var text = Lines(["1 復興への取組", Header, .. Enumerable.Repeat(bad, 5_000)]);

        var error = ParseFails(text, "bad.txt");

        Assert.Equal(PlanDiagnostics.MaxListed + 1, error.Errors.Count);
        Assert.All(error.Errors.Take(PlanDiagnostics.MaxListed), e => Assert.Contains("8 cells", e.Message));
        var last = error.Errors[^1];
        Assert.Contains("4,900 more", last.Message);
        Assert.Equal(PlanDiagnostics.MaxListed + 3, last.Line); // the first error not listed
    }

    [Fact]
    public void ParseFile_OfUtf16WithAByteOrderMark_ReadsTheRows()
    {
        using var dir = new TempDirectory();
        var text = Lines("1 復興への取組", Header, Row(1, "避難者見守り活動支援事業"), Row(2, "広報事業"));
        var little = Path.Combine(dir.Path, "utf16le.txt");
        var big = Path.Combine(dir.Path, "utf16be.txt");
        File.WriteAllText(little, text, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        File.WriteAllText(big, text, new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: true));

        foreach (var path in new[] { little, big })
        {
            var plan = new PlanDocumentParser().ParseFile(path);

            Assert.Equal(["1-1", "1-2"], plan.Rows.Select(r => r.Id.ToString()));
            Assert.Equal("避難者見守り活動支援事業", plan.Rows[0].Name);
            Assert.Contains("UTF-16", Assert.Single(plan.Warnings).Message);
        }
    }

    [Fact]
    public void ParseFile_OfUtf16WithoutAByteOrderMark_SaysSoInOneError()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "utf16-nobom.txt");
        File.WriteAllBytes(path, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(Lines("1 復興への取組", Header, Row(1, "一"))));

        var error = Assert.Throws<PlanFormatException>(() => new PlanDocumentParser().ParseFile(path));

        var only = Assert.Single(error.Errors);
        Assert.StartsWith(path + ":1: ", error.Message);
        Assert.Contains("UTF-16", only.Message);
    }
}
