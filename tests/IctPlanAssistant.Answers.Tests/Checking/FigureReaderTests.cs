using IctPlanAssistant.Answers.Checking;

namespace IctPlanAssistant.Answers.Tests.Checking;

public sealed class FigureReaderTests
{
    [Theory]
    [InlineData("1,943,682千円", 1_943_682_000)]
    [InlineData("19億4,368万2千円", 1_943_682_000)]
    [InlineData("3億円", 300_000_000)]
    [InlineData("500万円", 5_000_000)]
    [InlineData("1.5億円", 150_000_000)]
    [InlineData("12,000円", 12_000)]
    [InlineData("2,500 thousand yen", 2_500_000)]
    [InlineData("1.2 million yen", 1_200_000)]
    [InlineData("¥3 billion", 3_000_000_000)]
    [InlineData("JPY 45,000", 45_000)]
    [InlineData("事業費は 7,500", 7_500_000)]
    [InlineData("a budget of 7,500", 7_500_000)]
    public void Reads_money_in_yen(string text, long yen)
    {
        var figure = Assert.Single(FigureReader.Read(text));
        Assert.Equal(FigureKind.Money, figure.Kind);
        Assert.Equal(yen, figure.Value);
    }

    [Theory]
    [InlineData("該当は12件です", 12)]
    [InlineData("5事業が該当", 5)]
    [InlineData("3つの事業", 3)]
    [InlineData("7 projects", 7)]
    [InlineData("4 new projects", 4)]
    [InlineData("three projects", 3)]
    [InlineData("Twelve initiatives", 12)]
    public void Reads_counts(string text, int count)
    {
        var figure = Assert.Single(FigureReader.Read(text));
        Assert.Equal(FigureKind.Count, figure.Kind);
        Assert.Equal(count, figure.Value);
    }

    [Theory]
    [InlineData("[1-2][3-8, 4-10] を参照")]
    [InlineData("2017年度の計画")]
    [InlineData("事業費（千円）")]
    [InlineData("第2期の取組、参加率は95%")]
    public void Ignores_what_is_neither_money_nor_a_count(string text)
    {
        Assert.Empty(FigureReader.Read(text));
    }
}
