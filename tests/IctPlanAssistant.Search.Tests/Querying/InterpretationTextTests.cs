using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>The interpretation as the UI shows it, in the language of the question.</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class InterpretationTextTests(BundledIndexFixture index)
{
    private string Describe(string question) => InterpretationText.Describe(index.Interpreter.Interpret(question));

    [Fact]
    public void Japanese_DepartmentAndWord()
    {
        Assert.Equal("部局: 保健福祉部 / 語: タブレット（iPad・タブレット端末）", Describe("保健福祉部のタブレットの事業"));
    }

    [Fact]
    public void English_DepartmentAndWord()
    {
        Assert.Equal("Department: 保健福祉部 / Words: tablets（タブレット・iPad・タブレット端末）", Describe("Which Health and Welfare projects use tablets?"));
    }

    [Fact]
    public void AQuestionOfNothingThePlanHas_SaysNoPreviousAnswer()
    {
        // It searches no rows (an empty scope), but there was no answer before it to be within.
        Assert.Equal("語: 面白い", Describe("面白い事業ある？"));
    }

    [Fact]
    public void Japanese_BudgetAndIntent()
    {
        Assert.Equal("事業費: 1,000千円未満 / 求めるもの: 件数", Describe("事業費が１００万円未満の事業は何件？"));
    }

    [Fact]
    public void English_BudgetAndNew()
    {
        Assert.Equal("New / Budget: ≥ 100,001 thousand yen", Describe("new projects over 100 million yen"));
    }

    [Fact]
    public void Japanese_SectionAndAchievement()
    {
        Assert.Equal("柱: 5 / 達成度: 未実施", Describe("電子自治体の事業で未実施のもの"));
    }

    [Fact]
    public void English_NoBudgetAndCount()
    {
        Assert.Equal("No budget figure / Asked: count", Describe("How many projects have no budget figure listed?"));
    }

    [Fact]
    public void NoConditions_InEitherLanguage()
    {
        Assert.Equal("条件なし", InterpretationText.Describe(new QueryInterpretation { Question = "は？", Language = QueryLanguage.Japanese }));
        Assert.Equal("no conditions", InterpretationText.Describe(new QueryInterpretation { Question = "?", Language = QueryLanguage.English }));
    }

    [Fact]
    public void Scope_SaysHowManyPreviousRows()
    {
        var q = new QueryInterpretation
        {
            Question = "そのうち新規は？",
            Language = QueryLanguage.Japanese,
            IsNew = true,
            Scope = [RowId.Parse("1-2"), RowId.Parse("3-8")],
        };

        Assert.Equal("新規 / 前の回答の2件の中", InterpretationText.Describe(q));
        Assert.Equal("New / within the previous 2 rows", InterpretationText.Describe(q, QueryLanguage.English));
    }

    [Fact]
    public void EveryCondition_InTheOrderTheUiShowsThem()
    {
        var q = new QueryInterpretation
        {
            Question = "x",
            Language = QueryLanguage.English,
            Departments = ["教育庁"],
            Sections = [4],
            Divisions = ["高校教育課"],
            IsNew = false,
            Budget = new BudgetRange(1_000, 10_000),
            Achievement = AchievementStatus.Achieved | AchievementStatus.NotImplemented,
            Terms = [new TermGroup("video", ["動画", "映像"])],
            Intent = AnswerIntent.Largest,
        };

        Assert.Equal(
            "Department: 教育庁 / Section: 4 / Division: 高校教育課 / Not new / Budget: 1,000 thousand yen – 10,000 thousand yen / " +
            "Achievement: target met・not carried out / Words: video（動画・映像） / Asked: largest budget",
            InterpretationText.Describe(q));
        Assert.Equal(
            "部局: 教育庁 / 柱: 4 / 担当課: 高校教育課 / 継続 / 事業費: 1,000千円 – 10,000千円 / 達成度: 目標達成・未実施 / 語: video（動画・映像） / 求めるもの: 事業費が最大",
            InterpretationText.Describe(q, QueryLanguage.Japanese));
    }
}
