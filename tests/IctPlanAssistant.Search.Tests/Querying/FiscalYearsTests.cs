using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>Fiscal years as questions name them, read with the eras and words of data/glossary/years.tsv.</summary>
public sealed class FiscalYearsTests : IDisposable
{
    private static readonly FiscalYears Years = Glossary.Load().Years;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Plan_IsTheYearTheBundledPlanReports()
    {
        Assert.Equal(2017, Years.Plan);
    }

    [Theory]
    [InlineData("what was the fy2018 budget?", 2018)]
    [InlineData("fiscal 2016 figures", 2016)]
    [InlineData("fy18 budget", 2018)]
    [InlineData("2018年度の予算", 2018)]
    [InlineData("平成30年度の予算", 2018)]
    [InlineData("平成三十年度の予算", 2018)]
    [InlineData("h30年度", 2018)]
    [InlineData("heisei 29", 2017)]
    [InlineData("令和元年度の予算", 2019)]
    [InlineData("29年度の新規事業", 2017)] // a year said bare is of the era the plan's year is in
    [InlineData("二十八年度の予算", 2016)]
    [InlineData("来年度の予算", 2018)]
    [InlineData("i need next year's number", 2018)]
    public void Read_GivesTheWesternYear(string text, int year)
    {
        Assert.Equal(year, Assert.Single(Years.Read(text)).Year);
    }

    [Theory]
    [InlineData("ドローンの事業")]
    [InlineData("100万円以上の事業")]
    [InlineData("search29 results")] // an era's letter inside a word is no era
    [InlineData("2018年1月4日から運用")] // a date, not a fiscal year
    public void Read_TextNamingNoFiscalYear_GivesNone(string text)
    {
        Assert.Empty(Years.Read(text));
    }

    [Fact]
    public void Load_AYearsLineOfNoKind_NamesTheFileAndLine()
    {
        foreach (var file in Directory.GetFiles(Glossary.DefaultDirectory)) File.Copy(file, _dir.Combine(Path.GetFileName(file)));
        File.AppendAllLines(_dir.Combine("years.tsv"), ["decade\t2010"]);

        var e = Assert.Throws<GlossaryException>(() => Glossary.Load(_dir.Path));

        Assert.Contains("years.tsv:", e.Message);
        Assert.Contains("decade", e.Message);
    }
}
