namespace IctPlanAssistant.Core.Tests;

public sealed class RowIdTests
{
    [Fact]
    public void Parse_ReadsTheShortForm()
    {
        Assert.Equal(new RowId(null, 1, 2), RowId.Parse("1-2"));
        Assert.Equal(new RowId(null, 5, 30), RowId.Parse(" 5-30 "));
    }

    [Fact]
    public void Parse_ReadsThePlanPrefixedForm()
    {
        Assert.Equal(new RowId("2017", 1, 2), RowId.Parse("2017:1-2"));
        Assert.Equal(new RowId("plan-2018_v2", 3, 14), RowId.Parse("plan-2018_v2:3-14"));
    }

    [Theory]
    [InlineData("1-2")]
    [InlineData("5-30")]
    [InlineData("2017:1-2")]
    [InlineData("r.2019:4-14")]
    public void ToString_WritesWhatParseReads(string text)
    {
        Assert.Equal(text, RowId.Parse(text).ToString());
    }

    [Fact]
    public void ToString_WritesSectionDashNumber()
    {
        Assert.Equal("1-2", new RowId(null, 1, 2).ToString());
        Assert.Equal("2017:3-10", new RowId("2017", 3, 10).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1")]
    [InlineData("1-")]
    [InlineData("-2")]
    [InlineData("1_2")]
    [InlineData("a-b")]
    [InlineData("1-2-3")]
    [InlineData(":1-2")]
    [InlineData("1-+2")]
    [InlineData("１-２")]
    [InlineData("1234-1")]
    public void TryParse_RejectsWhatIsNotARowId(string? text)
    {
        Assert.False(RowId.TryParse(text, out _));
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionNamingTheText()
    {
        var e = Assert.Throws<FormatException>(() => RowId.Parse("x-1"));
        Assert.Contains("x-1", e.Message);
    }

    [Fact]
    public void CompareTo_OrdersBySectionThenNumberNumerically()
    {
        var ids = new[] { "2-1", "1-10", "1-9", "10-1", "1-2", "5-30", "1-1" }.Select(RowId.Parse).ToList();

        ids.Sort();

        Assert.Equal(["1-1", "1-2", "1-9", "1-10", "2-1", "5-30", "10-1"], ids.Select(i => i.ToString()));
    }

    [Fact]
    public void CompareTo_OrdersByPlanFirst()
    {
        var ids = new[] { "2018:1-1", "2017:5-30", "2017:1-2" }.Select(RowId.Parse).Order().ToList();

        Assert.Equal(["2017:1-2", "2017:5-30", "2018:1-1"], ids.Select(i => i.ToString()));
    }

    [Fact]
    public void Equality_DependsOnPlanSectionAndNumber()
    {
        Assert.Equal(RowId.Parse("1-2"), new RowId(null, 1, 2));
        Assert.NotEqual(RowId.Parse("1-2"), RowId.Parse("2017:1-2"));
        Assert.NotEqual(RowId.Parse("1-2"), RowId.Parse("2-1"));
    }
}
