using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>Follow-up questions resolved against the previous turn: its rows (そのうち, of them) or its words (じゃあ教育庁は？).</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class FollowUpUnderstandingTests(BundledIndexFixture index)
{
    private static readonly IReadOnlyList<RowId> HealthAndWelfareRows =
        new[] { "1-2", "1-11", "3-1", "3-2", "3-3", "3-4", "3-5", "3-6", "3-7", "3-8", "3-9", "3-24" }.Select(RowId.Parse).ToList();

    private PreviousTurn After(string question, IReadOnlyList<RowId> rows) => new(index.Interpreter.Interpret(question), rows);

    private PreviousTurn AfterHealthAndWelfare => After("保健福祉部の事業は？", HealthAndWelfareRows);

    [Theory]
    [InlineData("そのうちタブレットを使うものは？")]
    [InlineData("その中でタブレットを使っているのは？")]
    [InlineData("Which of them use tablets?")]
    public void OfThem_NarrowsToThePreviousRowsWithTheNewWords(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Contains("タブレット", Assert.Single(q.Terms).Alternatives);
        Assert.Empty(q.Departments);
    }

    [Theory]
    [InlineData("Did any of the tablet ones actually get that money?")]
    [InlineData("how much of that budget went to tablets?")]
    public void ThatMoney_IsThePreviousAnswersRows(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
    }

    [Theory]
    [InlineData("what's the budget on the tablet one?")]
    [InlineData("and the one with tablets?")]
    public void TheOneWithAThing_IsOneOfThePreviousRows(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("タブレット"));
    }

    [Theory]
    [InlineData("その なかで あたらしい ものは どれですか")]
    [InlineData("which one is newer?")]
    public void TheNewOnesOfThem_AreTheNewRowsOfThePreviousAnswer(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.True(q.IsNew);
    }

    [Fact]
    public void OfThem_WithAFilter_NarrowsToThePreviousRowsWithTheFilter()
    {
        var q = index.Interpreter.Interpret("そのうち新規のものは？", AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.True(q.IsNew);
    }

    [Fact]
    public void Each_AsksForADetailOfEveryPreviousRow()
    {
        var q = index.Interpreter.Interpret("それぞれどこの課がやってる？", AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("how many times a year per class does it get streamed?")]
    [InlineData("how much did it cost?")]
    public void ItAsTheSubjectOfADoOrHave_PointsBackAtThePreviousRows(string question)
    {
        var previous = After("Which project streams live lessons to small junior high schools?", [RowId.Parse("4-8")]);

        Assert.Equal([RowId.Parse("4-8")], index.Interpreter.Interpret(question, previous).Scope);
    }

    [Theory]
    [InlineData("Which project had the biggest budget, and how much did it cost?")]
    [InlineData("Which single item in the plan had the biggest budget, and how big was it?")]
    public void APointerAfterACommaOfTheQuestion_WithNoAnswerBefore_PointsWithinTheQuestion(string question)
    {
        Assert.Null(index.Interpreter.Interpret(question).Scope);
    }

    [Fact]
    public void APointerOpeningTheQuestion_WithNoAnswerBefore_PointsAtNothing()
    {
        Assert.Equal([], index.Interpreter.Interpret("それは目標どおりできたの？").Scope);
    }

    [Fact]
    public void IsItTrue_AsksAnew()
    {
        var previous = After("Which project streams live lessons to small junior high schools?", [RowId.Parse("4-8")]);

        Assert.Null(index.Interpreter.Interpret("Is it true that the police use drones?", previous).Scope);
    }

    [Theory]
    [InlineData("その二つで予算が大きいほうはどっち？", AnswerIntent.Largest)]
    [InlineData("その ふたつで よさんが おおきいほうは どっち？", AnswerIntent.Largest)] // typed in kana
    [InlineData("2つのうち予算が少ないほうは？", AnswerIntent.Smallest)]
    [InlineData("of the two, which is cheaper?", AnswerIntent.Smallest)]
    public void TheBiggerOfThePreviousTwo_IsTheLargestOfThePreviousRows_NotTheTopTwo(string question, AnswerIntent intent)
    {
        var previous = After("放射線監視室が担当してる事業を全部教えて", new[] { "3-18", "3-23" }.Select(RowId.Parse).ToList());

        var q = index.Interpreter.Interpret(question, previous);

        Assert.Equal(intent, q.Intent);
        Assert.Equal(1, q.RankCount);
        Assert.True(q.FollowsUp);
    }

    [Theory]
    [InlineData("on which dates?")]
    [InlineData("それは何日？")]
    public void WhichDates_AsksTheDatesOfThePreviousRows(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Contains("日", q.AnswerUnits);
    }

    [Theory]
    [InlineData("合わせていくら？", AnswerIntent.Sum)]
    [InlineData("全部でいくら？", AnswerIntent.Sum)]
    [InlineData("What is their total budget?", AnswerIntent.Sum)]
    [InlineData("それぞれ予算いくら？", AnswerIntent.Fact)] // each one's budget, not their total
    [InlineData("それぞれの予算は？", AnswerIntent.Fact)]
    [InlineData("how much is each of them?", AnswerIntent.Fact)]
    public void HowMuch_OfThePreviousRows_IsTheirTotal_OrEachOnesWhenAskedOfEach(string question, AnswerIntent intent)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(intent, q.Intent);
    }

    [Fact]
    public void HowManyOfThemAreNew_CountsThePreviousRowsThatAreNew()
    {
        var q = index.Interpreter.Interpret("How many of them are new?", After("Which Police projects are there?", [RowId.Parse("3-21"), RowId.Parse("3-25")]));

        Assert.Equal(["3-21", "3-25"], q.Scope!.Select(id => id.ToString()));
        Assert.True(q.IsNew);
        Assert.Equal(AnswerIntent.Count, q.Intent);
    }

    [Theory]
    [InlineData("じゃあ教育庁は？")]
    [InlineData("What about the Board of Education?")]
    public void WhatAbout_ReusesThePreviousWordsWithTheNewDepartment(string question)
    {
        var previous = After("タブレットを使っている事業は？", [RowId.Parse("1-2"), RowId.Parse("3-8")]);

        var q = index.Interpreter.Interpret(question, previous);

        Assert.Equal(["教育庁"], q.Departments);
        Assert.Contains("タブレット", Assert.Single(q.Terms).Alternatives);
        Assert.Null(q.Scope);
    }

    [Fact]
    public void WhatAbout_ANewDepartmentReplacesThePreviousOne()
    {
        var previous = After("保健福祉部のタブレットの事業", [RowId.Parse("1-2"), RowId.Parse("3-8")]);

        var q = index.Interpreter.Interpret("じゃあ教育庁は？", previous);

        Assert.Equal(["教育庁"], q.Departments);
        Assert.Contains("タブレット", Assert.Single(q.Terms).Alternatives);
    }

    [Theory]
    [InlineData("Em-Netのほうは？")]
    [InlineData("じゃあEm-Netは？")]
    public void WhatAbout_AsksOfTheNewThingWhatThePreviousQuestionAsked(string question)
    {
        var previous = After("J-ALERTでミサイル情報を受信したのはどこの課？", [RowId.Parse("3-11")]);

        var q = index.Interpreter.Interpret(question, previous);

        Assert.Equal(PlanColumn.Divisions, q.AskedColumn);
        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Null(q.Scope);
    }

    [Fact]
    public void WhatAbout_AQuestionThatAsksForProjects_AsksForThemNotThePreviousCell()
    {
        var previous = After("J-ALERTでミサイル情報を受信したのはどこの課？", [RowId.Parse("3-11")]);

        var q = index.Interpreter.Interpret("じゃあ同じ危機管理部でネットワークを使ってる事業は？", previous);

        Assert.Equal(PlanColumn.None, q.AskedColumn);
    }

    [Fact]
    public void ANewQuestion_InAConversation_StandsOnItsOwn()
    {
        var q = index.Interpreter.Interpret("ドローンを導入した事業はありますか？", AfterHealthAndWelfare);

        Assert.Null(q.Scope);
        Assert.Empty(q.Departments);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("ドローン"));
    }

    [Theory]
    [InlineData("what else is Aizu University involved in?")]
    [InlineData("他に会津大学が関わっている事業は？")]
    public void WhatElse_WithWordsOfItsOwn_SearchesThePlanLessThePreviousRows(string question)
    {
        var previous = After("are there any programs teaching women to code?", [RowId.Parse("4-3")]);

        var q = index.Interpreter.Interpret(question, previous);

        Assert.Null(q.Scope);
        Assert.Equal([RowId.Parse("4-3")], q.ExceptRows);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("会津大学"));
    }

    [Fact]
    public void AnAuxiliaryTypedInKana_IsNoWordOfAPhrase_TheたOfしたのはIsNot他()
    {
        var previous = After("観光の事業は？", [RowId.Parse("1-8"), RowId.Parse("1-9"), RowId.Parse("2-8")]);

        var q = index.Interpreter.Interpret("そのうち目標を達成したのは？", previous);

        Assert.Equal(previous.Rows, q.Scope);
        Assert.Empty(q.ExceptRows);
    }

    [Fact]
    public void OfThem_WithoutAPreviousTurn_HasNoScope()
    {
        Assert.Null(index.Interpreter.Interpret("そのうちタブレットを使うものは？").Scope);
    }

    // ---- follow-up or new question, by what the question says

    [Theory]
    [InlineData("警察本部の新規事業は？")]
    [InlineData("出納局の事業を教えて")]
    public void AQuestionCompleteInItself_StartsAfresh(string question)
    {
        var q = index.Interpreter.Interpret(question, After("会津大学が関わる事業は？", [RowId.Parse("4-1")]));

        Assert.Null(q.Scope);
        Assert.DoesNotContain(q.Terms, t => t.Text.Contains("会津"));
    }

    [Theory]
    [InlineData("じゃあ教育庁は？")]
    [InlineData("What about the Board of Education?")]
    public void AQuestionThatLeavesOutWhatThePreviousSaid_TakesItsWords(string question)
    {
        var q = index.Interpreter.Interpret(question, After("タブレットを使っている事業は？", [RowId.Parse("1-2")]));

        Assert.Equal(["教育庁"], q.Departments);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("タブレット"));
        Assert.Null(q.Scope);
    }

    [Theory]
    [InlineData("その中で一番予算が大きいのは？", AnswerIntent.Largest)]
    [InlineData("Which of the two has the bigger budget?", AnswerIntent.Largest)]
    [InlineData("合計は？", AnswerIntent.Sum)]
    public void AReferenceOrAnIncompleteQuestion_WorksOnThePreviousRows(string question, AnswerIntent intent)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(intent, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("and the cheapest?", AnswerIntent.Smallest)]
    [InlineData("じゃあ一番安いのは？", AnswerIntent.Smallest)]
    public void TheOtherEnd_OfAPreviousSuperlative_IsPickedFromTheSameRows(string question, AnswerIntent intent)
    {
        var biggest = index.Interpreter.Interpret("Which of those is the biggest?", AfterHealthAndWelfare);
        var q = index.Interpreter.Interpret(question, new PreviousTurn(biggest, [RowId.Parse("1-2")]));

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(intent, q.Intent);
    }

    [Theory]
    [InlineData("それは もくひょうどおり ちゃんと できたの？")]
    [InlineData("その中で一番予算が大きいのは？")]
    [InlineData("たかさをしらべられるものはありますか")] // words, none of them the plan's: not every row
    public void AReferenceWithNoAnswerBeforeIt_RefersToNoRows(string question)
    {
        Assert.Equal([], index.Interpreter.Interpret(question).Scope);
    }

    [Theory]
    [InlineData("事業を全部教えて")]
    [InlineData("一番でかいのは？")]
    public void AQuestionThatNamesNoWords_IsNotEmptied(string question)
    {
        Assert.Null(index.Interpreter.Interpret(question).Scope);
    }

    [Theory]
    [InlineData("それはドローンの事業ですか")]
    [InlineData("Which one of the projects uses drones?")]
    public void AReferenceBesideWordsOfItsOwn_WithNoAnswerBeforeIt_IsANewQuestion(string question)
    {
        Assert.Null(index.Interpreter.Interpret(question).Scope);
    }

    [Theory]
    [InlineData("2つ目の事業の担当課は？", 1)]
    [InlineData("二番目のは？", 1)]
    [InlineData("最初のやつの予算は？", 0)]
    [InlineData("tell me more about the first one", 0)]
    [InlineData("and the third?", 2)]
    [InlineData("最後のは？", 11)]
    [InlineData("what about the last one?", 11)]
    public void APlaceInTheList_PicksThatRowOfThePreviousAnswer(string question, int place)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal([HealthAndWelfareRows[place]], q.Scope);
    }

    [Theory]
    [InlineData("how many people were in the first cohort?")]
    [InlineData("what did they do in the last year?")]
    [InlineData("最初の受講生は何人？")]
    public void TheFirstOrLastOfSomethingElse_IsNoPlaceInTheList(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.NotEqual(1, q.Scope?.Count);
    }

    [Fact]
    public void APlaceInTheList_AfterAnAnswerAboutOneRow_PicksFromTheListBefore()
    {
        var afterTheFirst = AfterHealthAndWelfare with { Rows = [HealthAndWelfareRows[0]], Listed = HealthAndWelfareRows };

        var q = index.Interpreter.Interpret("and the second?", afterTheFirst);

        Assert.Equal([HealthAndWelfareRows[1]], q.Scope);
    }

    [Theory]
    [InlineData("他には？")]
    [InlineData("ほかには？")]
    [InlineData("what else?")]
    public void Others_AreThePreviousRowsNotShown(string question)
    {
        var shownFour = AfterHealthAndWelfare with { Shown = HealthAndWelfareRows.Take(4).ToList() };

        var q = index.Interpreter.Interpret(question, shownFour);

        Assert.Equal(HealthAndWelfareRows.Skip(4), q.Scope);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("もっと詳しく教えて")]
    [InlineData("詳しく知りたい")]
    public void TellMeMore_QuotesThePreviousRows(string question)
    {
        var q = index.Interpreter.Interpret(question, AfterHealthAndWelfare);

        Assert.Equal(HealthAndWelfareRows, q.Scope);
        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Equal(PlanColumn.Summary, q.AskedColumn);
    }

    [Fact]
    public void AVerbThePlanUses_IsAQuestionOfItsOwn()
    {
        // 見守る is the plan's word (見守り活動): the question asks for projects that do it, not about the previous rows.
        var q = index.Interpreter.Interpret("見守りをしている事業は？", AfterHealthAndWelfare);

        Assert.Null(q.Scope);
    }
}
