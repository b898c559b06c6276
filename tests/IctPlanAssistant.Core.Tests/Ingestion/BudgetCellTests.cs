using IctPlanAssistant.Ingestion;

namespace IctPlanAssistant.Core.Tests.Ingestion;

public sealed class BudgetCellTests
{
    [Theory]
    [InlineData("1,943,682", 1943682)]
    [InlineData("28,933,000", 28933000)]
    [InlineData("736", 736)]
    [InlineData("0", 0)]
    [InlineData(" 1,294 ", 1294)]
    [InlineData("１，２３４", 1234)]
    [InlineData("1,000千円", 1000)]
    public void Parse_ReadsANumberWithThousandsSeparators(string cell, long expected)
    {
        Assert.Equal(expected, BudgetCell.Parse(cell, 1m, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("-")]
    [InlineData("―")]
    [InlineData("－")]
    [InlineData("ー")]
    [InlineData("——")]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_ReadsADashOrAnEmptyCellAsNullWithoutAProblem(string cell)
    {
        Assert.Null(BudgetCell.Parse(cell, 1m, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("△500", -500)]
    [InlineData("▲1,200", -1200)]
    [InlineData("-300", -300)]
    public void Parse_ReadsANegativeAmount(string cell, long expected)
    {
        Assert.Equal(expected, BudgetCell.Parse(cell, 1m, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("約1,000")]
    [InlineData("1,000（補正含む）")]
    [InlineData("未定")]
    [InlineData("1,00,0")]
    [InlineData("1.5")]
    public void Parse_ReportsOddTextInsteadOfGuessing(string cell)
    {
        Assert.Null(BudgetCell.Parse(cell, 1m, out var problem));
        Assert.NotNull(problem);
        Assert.Contains(cell, problem);
    }

    [Fact]
    public void Parse_ConvertsMillionsOfYenToThousands()
    {
        Assert.Equal(12000, BudgetCell.Parse("12", 1000m, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Parse_ConvertsYenToThousands()
    {
        Assert.Equal(12, BudgetCell.Parse("12,000", 0.001m, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Parse_RoundsYenThatAreNotWholeThousandsAndSaysSo()
    {
        Assert.Equal(2, BudgetCell.Parse("1,500", 0.001m, out var problem));
        Assert.NotNull(problem);
        Assert.Contains("rounded", problem);
    }
}
