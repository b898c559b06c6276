using IctPlanAssistant.Answers.BuiltIn;

namespace IctPlanAssistant.Answers.Tests.BuiltIn;

/// <summary>Amounts in 億円/万円 for plain Japanese answers, from the plan's thousand-yen figures.</summary>
public sealed class YenAmountTests
{
    [Theory]
    [InlineData(1_943_682, "約19億4千万円")]   // 1,943,682千円: rounded to 千万 from 1億
    [InlineData(12_345, "約1,235万円")]       // rounded to 万 under 1億
    [InlineData(12_340, "1,234万円")]         // exact: no 約
    [InlineData(100_000, "1億円")]
    [InlineData(120_255, "約1億2千万円")]
    [InlineData(33_687_700, "約336億9千万円")]
    [InlineData(99_996, "約1億円")]           // 9,999万6千円 rounds up into 億
    [InlineData(148, "約15万円")]
    [InlineData(10, "1万円")]
    [InlineData(5, "5,000円")]                // under 1万円: exact yen
    [InlineData(0, "0円")]
    [InlineData(1_234_567_890, "約1兆2千億円")]
    public void Plain_SaysTheAmountIn億円Or万円_With約OnlyWhenRounded(long thousandYen, string expected) =>
        Assert.Equal(expected, YenAmount.Plain(thousandYen));

    [Fact]
    public void WithExact_KeepsThePlansFigureBeside() =>
        Assert.Equal("約19億4千万円（1,943,682千円）", YenAmount.WithExact(1_943_682));

    [Fact]
    public void Exact_IsTheFigureAsPrinted() => Assert.Equal("12,345千円", YenAmount.Exact(12_345));
}
