using IctPlanAssistant.Achievement;

namespace IctPlanAssistant.Core.Tests.Achievement;

public sealed class AchievementClassifierTests
{
    [Theory]
    [InlineData("目標4件に対し2件実施", AchievementStatus.BelowTarget)]
    [InlineData("目標95件に対し、80件実施", AchievementStatus.BelowTarget)]
    [InlineData("13地区の整備目標に対し4地区を実施", AchievementStatus.BelowTarget)]
    [InlineData("(1)観光客入込状況目標60,600千人 に対し実績52,763千人", AchievementStatus.BelowTarget)]
    [InlineData("目標を下回った", AchievementStatus.BelowTarget)]
    [InlineData("目標未達", AchievementStatus.BelowTarget)]
    [InlineData("目標達成", AchievementStatus.Achieved)]
    [InlineData("目標を上回った", AchievementStatus.Achieved)]
    [InlineData("目標4件に対し4件実施", AchievementStatus.Achieved)]
    [InlineData("目標95件に対して120件実施", AchievementStatus.Achieved)]
    [InlineData("計画どおり実施", AchievementStatus.AsPlanned)]
    [InlineData("計画通り実施", AchievementStatus.AsPlanned)]
    [InlineData("概ね計画どおり実施", AchievementStatus.AsPlanned)]
    [InlineData("未実施", AchievementStatus.NotImplemented)]
    [InlineData("該当事例なし", AchievementStatus.NoCases)]
    [InlineData("実施した", AchievementStatus.None)]
    [InlineData("", AchievementStatus.None)]
    public void Classify_ReadsTheAchievementCell(string achievement, AchievementStatus expected)
    {
        Assert.Equal(expected, AchievementClassifier.Classify(achievement, ""));
    }

    [Fact]
    public void Classify_ReportsEveryStatusACellStates()
    {
        Assert.Equal(
            AchievementStatus.AsPlanned | AchievementStatus.NotImplemented,
            AchievementClassifier.Classify("ホームページへの情報掲載については計画どおり実施、メールマガジンについては未実施。", ""));
    }

    [Fact]
    public void Classify_ComparesEveryTargetWithItsResult()
    {
        Assert.Equal(
            AchievementStatus.BelowTarget | AchievementStatus.Achieved,
            AchievementClassifier.Classify("(1)目標10件に対し12件 (2)目標5回に対し3回", ""));
    }

    [Fact]
    public void Classify_DoesNotCompareQuantitiesOfDifferentUnits()
    {
        Assert.Equal(AchievementStatus.None, AchievementClassifier.Classify("目標5回に対し3件実施", ""));
    }

    [Fact]
    public void Classify_ReadsFullWidthDigits()
    {
        Assert.Equal(AchievementStatus.BelowTarget, AchievementClassifier.Classify("目標４件に対し２件実施", ""));
    }

    [Fact]
    public void Classify_ReadsNotImplementedFromTheResultsOnlyWhenTheAchievementIsADash()
    {
        Assert.Equal(AchievementStatus.NotImplemented, AchievementClassifier.Classify("—", "予定していた研修は未実施"));
        Assert.Equal(AchievementStatus.AsPlanned, AchievementClassifier.Classify("計画どおり実施", "一部の研修は未実施"));
    }

    [Fact]
    public void TargetsAndResults_PairsTheTargetWithTheResultAfterIt()
    {
        Assert.Equal([(60600m, 52763m)], AchievementClassifier.TargetsAndResults("目標 60,600千人 に対し実績 52,763千人"));
    }

    [Fact]
    public void TargetsAndResults_ReadsASumIn億WithASmallerUnitAfterIt()
    {
        Assert.Equal([(12m, 15.4m)], AchievementClassifier.TargetsAndResults("売上目標【当初6億円、修正目標12億円】に対し、H30.3.31現在で15億4千万円超を達成。"));
    }

    [Theory]
    [InlineData("13地区の整備目標に対し4地区を実施", 4.0 / 13)]
    [InlineData("(1)観光客入込状況目標60,600千人 に対し実績52,763千人 (2)県内宿泊旅行者数目標10,600千人 に対し実績10,199千人", (52763.0 / 60600 + 10199.0 / 10600) / 2)]
    [InlineData("売上目標【当初6億円、修正目標12億円】に対し、H30.3.31現在で15億4千万円超を達成。", 15.4 / 12)]
    public void Rate_IsTheMeanShareOfTheTargetsStatedThatWasReached(string achievement, double rate)
    {
        Assert.Equal(rate, AchievementClassifier.Rate(achievement)!.Value, 6);
    }

    [Theory]
    [InlineData("計画どおり実施")]
    [InlineData("目標達成")]
    [InlineData("—")]
    public void Rate_IsNone_WhereNoTargetIsStatedWithAResult(string achievement)
    {
        Assert.Null(AchievementClassifier.Rate(achievement));
    }
}
