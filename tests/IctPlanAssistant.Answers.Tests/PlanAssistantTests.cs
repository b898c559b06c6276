using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace IctPlanAssistant.Answers.Tests;

/// <summary>
/// The assistant every channel uses, as AddPlanAssistant registers it: questions in conversations (follow-ups
/// resolved against the previous turn), questions alone, and the questions it refuses.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class PlanAssistantTests(AssistantFixture assistant)
{
    private static List<string> Ids(IEnumerable<RowId> ids) => ids.Select(id => id.ToString()).ToList();

    private static string NewConversation() => "test-" + Guid.NewGuid().ToString("N");

    private Task<Answer> Ask(string question, string? conversation = null) =>
        assistant.Assistant.AskAsync(new AskRequest(question, conversation));

    [Fact]
    public async Task AnswersInEnglish_WhichHealthAndWelfareProjectsUseTablets_CitingExactly1_2And3_8()
    {
        var answer = await Ask("Which Health and Welfare projects use tablets?");

        Assert.Equal(["1-2", "3-8"], Ids(answer.Citations));
        Assert.Equal(QueryLanguage.English, answer.Language);
        Assert.StartsWith("I found 2 projects", answer.Text);
    }

    [Fact]
    public async Task AWordNoRowContains_UnderAFilter_IsSaidToMatchNothing_NotPresentedAsTheTopic()
    {
        var answer = await Ask("Which Health and Welfare projects use helicopters?");

        Assert.StartsWith("No project mentions “helicopters”", answer.Text);
        Assert.DoesNotContain("about helicopters", answer.Text);
        Assert.Equal(12, answer.Citations.Count);
    }

    [Fact]
    public async Task ASumOverMoreRowsThanAreRetrieved_CitesEveryRowSummed_AllOfThemGiven()
    {
        var answer = await Ask("1億円以上の事業の事業費の合計は？");

        Assert.Equal(20, answer.Retrieved.Count);
        Assert.True(answer.Citations.Count > answer.Retrieved.Count, $"{answer.Citations.Count} rows cited");
        Assert.All(answer.Citations, id => Assert.Contains(id, answer.Given));
        Assert.Contains($"{answer.CitedRows.Sum(r => r.BudgetThousandYen):N0}千円", answer.Text);
    }

    [Fact]
    public async Task RowsNearAQuestion_AreNotWhatAFollowUpWorksOn()
    {
        var conversation = NewConversation();
        var first = await Ask("ロボットで雪かきをする事業は？", conversation);
        var next = await Ask("それぞれの予算は？", conversation);

        Assert.Empty(first.Citations);
        Assert.NotEmpty(first.Near);
        Assert.Empty(next.Citations.Intersect(first.Near.Select(r => r.Id)));
    }

    [Fact]
    public async Task FollowUp_OfThem_NarrowsToThePreviousAnswersRows()
    {
        var conversation = NewConversation();
        var first = await Ask("保健福祉部の事業は？", conversation);

        var second = await Ask("そのうちタブレットを使うものは？", conversation);

        Assert.Equal(12, first.Citations.Count);
        Assert.Equal(["1-2", "3-8"], Ids(second.Citations));
        Assert.Equal(conversation, second.ConversationId);
        Assert.Equal(first.Citations.Count, second.Interpretation.Scope!.Count);
    }

    [Fact]
    public async Task FollowUp_AboutTheOneRowOfThePreviousAnswer_TellsWhatThatRowSays_InWhateverWordsItIsAsked()
    {
        var conversation = NewConversation();
        await Ask("hi, my host family say fukushima lend free wifi to foriegn tourists?? which project is this", conversation);

        // The row says 貸出日数 and 情報発信件数: neither lend nor post is its word.
        var answer = await Ask("how many did they lend, and how many post on sns did the tourists make?", conversation);

        Assert.Equal(["1-8"], Ids(answer.Citations));
        Assert.Contains("1,923", answer.Text);
        Assert.Contains("713", answer.Text);
    }

    [Fact]
    public async Task FollowUp_WithNoWordPointingBack_ThatThePlanAnswersNowhereElse_IsAboutThePreviousRows()
    {
        var conversation = NewConversation();
        await Ask("does the governor livestream his press conferences on youtube", conversation);

        // Streams and views are said nowhere in the plan: of the governor's live streams, 43回配信 and 動画再生は6,823回.
        var answer = await Ask("how many streams last yr, and views?", conversation);

        Assert.Equal(["1-7"], Ids(answer.Citations));
        Assert.Contains("6,823", answer.Text);
    }

    [Fact]
    public async Task FollowUp_TheRunnerUp_IsTheSecondOfTheBudgetOrder()
    {
        var conversation = NewConversation();
        var largest = await Ask("Which single project has the biggest budget in the whole plan?", conversation);

        var second = await Ask("And the runner-up?", conversation);

        Assert.Equal(["2-4"], Ids(largest.Citations));
        Assert.Equal(["2-1"], Ids(second.Citations));
        Assert.Contains("second largest", second.Text);
        Assert.Contains("28,933,000", second.Text);
    }

    [Fact]
    public async Task FollowUp_TheSecondRow_IsStillThePreviousAnswersSecond()
    {
        var conversation = NewConversation();
        var first = await Ask("保健福祉部の事業は？", conversation);

        var second = await Ask("2番目の事業の担当課は？", conversation);

        Assert.Equal([first.Citations[1].ToString()], Ids(second.Citations));
    }

    [Fact]
    public async Task NewQuestion_ThatThePlanDoesNotAnswer_StaysUnanswered_AfterAnAnswer()
    {
        var conversation = NewConversation();
        await Ask("does the governor livestream his press conferences on youtube", conversation);

        var answer = await Ask("is there a project for helicopter ambulances?", conversation);

        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task FollowUp_HowMuchAltogether_SumsThePreviousAnswersRows()
    {
        var conversation = NewConversation();
        await Ask("保健福祉部の事業は？", conversation);
        await Ask("そのうちタブレットを使うものは？", conversation);

        var sum = await Ask("合わせていくら？", conversation);

        Assert.Contains("**2,063,937千円**", sum.Text);
        Assert.Equal(["1-2", "3-8"], Ids(sum.Citations));
    }

    [Fact]
    public async Task FollowUp_AskingTheBudgetAndAnotherCell_QuotesThatCellUnderAHeadingWithTheBudget()
    {
        var conversation = NewConversation();
        await Ask("スマホサミットってやつ、県内いくつの高校で講演会とかやったんですか？", conversation);

        var answer = await Ask("それって予算いくら？目標は達成できたの？", conversation);

        Assert.Equal(["4-14"], Ids(answer.Citations));
        Assert.Contains("37,507千円", answer.Text);
        Assert.Contains("概ね計画どおり実施", answer.Text);
    }

    [Fact]
    public async Task FollowUp_TheLowestShareOfTheTargetReached_IsTheRowThatReachedLeast_NotTheCheapest()
    {
        var conversation = NewConversation();
        await Ask("数値目標を立てたのに届かなかった事業はどれ？", conversation);

        var answer = await Ask("その中で一番達成率が低いのは？", conversation);

        // 4-15 reached 4 of 13 districts (31%); 2-6, the cheapest, 2 of 4.
        Assert.Equal(["4-15"], Ids(answer.Citations));
        Assert.Contains("約31%", answer.Text);
        Assert.Contains("4件の中で", answer.Text);
    }

    [Fact]
    public async Task FollowUp_Each_GivesTheDivisionsOfThePreviousRows()
    {
        var conversation = NewConversation();
        await Ask("総務部の電子自治体の事業で、事業費が1000万円以上のもの", conversation);

        var divisions = await Ask("それぞれどこの課がやってる？", conversation);

        Assert.Equal(["5-1", "5-2", "5-4"], Ids(divisions.Citations));
        foreach (var division in new[] { "入札監理課", "税務システム課", "職員業務課" }) Assert.Contains(division, divisions.Text);
    }

    [Fact]
    public async Task FollowUp_EachBudget_GivesEveryPreviousRowsBudget_NotTheirTotal()
    {
        var conversation = NewConversation();
        await Ask("総務部の電子自治体の事業で、事業費が1000万円以上のもの", conversation);

        var budgets = await Ask("それぞれ予算いくら？", conversation);

        Assert.Equal(["5-1", "5-2", "5-4"], Ids(budgets.Citations));
        Assert.Contains("それぞれの事業の事業費", budgets.Text);
        Assert.DoesNotContain("合計", budgets.Text);
        foreach (var row in budgets.CitedRows) Assert.Contains($"{row.BudgetThousandYen:N0}千円", budgets.Text);
    }

    [Fact]
    public async Task AnEnglishQuestionNamingAProjectInJapanese_IsAnsweredInEnglish_WithTheFigureAsked()
    {
        var answer = await Ask("whats the budget for 中小企業制度資金 and how many loans went out by end of march?", NewConversation());

        Assert.Equal(QueryLanguage.English, answer.Language);
        Assert.Equal(["2-1"], Ids(answer.Citations));
        Assert.Contains("2,465", answer.Text);
        Assert.Contains("thousand yen", answer.Text);
    }

    [Theory]
    [InlineData("電子入札のシステム、それぞれの担当課を教えて")]
    [InlineData("e-bidding systems: which division handles each one?")]
    public async Task ADetailAskedOfEach_InAQuestionOfItsOwn_IsGivenForEveryRowItMatches(string question)
    {
        var answer = await Ask(question, NewConversation());

        Assert.Equal(["5-20", "5-25"], Ids(answer.Citations).Order());
        foreach (var division in new[] { "入札監理課", "入札用度課" }) Assert.Contains(division, answer.Text);
    }

    [Fact]
    public async Task FollowUp_WhatAbout_ReusesThePreviousWordsForAnotherDepartment()
    {
        var conversation = NewConversation();
        await Ask("保健福祉部でタブレットを使っている事業は？", conversation);

        var answer = await Ask("じゃあ教育庁は？", conversation);

        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.CitedRows, r => Assert.Equal("教育庁", r.Department));
        Assert.All(answer.CitedRows, r => Assert.Contains("タブレット", r.Summary + r.Results + r.Name + r.Achievement));
    }

    [Fact]
    public async Task FollowUp_English_HowManyOfThemAreNew_CountsThem()
    {
        var conversation = NewConversation();
        await Ask("Which Police projects are there?", conversation);

        var answer = await Ask("How many of them are new?", conversation);

        Assert.Equal(AnswerIntent.Count, answer.Interpretation.Intent);
        Assert.Contains("**2**", answer.Text);
        Assert.Equal(["3-21", "3-25"], Ids(answer.Citations));
    }

    [Fact]
    public async Task FollowUp_English_TheirTotalBudget()
    {
        var conversation = NewConversation();
        await Ask("Which Health and Welfare projects use tablets?", conversation);

        var answer = await Ask("What is their total budget?", conversation);

        Assert.Contains("**2,063,937 thousand yen**", answer.Text);
        Assert.Equal(["1-2", "3-8"], Ids(answer.Citations));
    }

    [Fact]
    public async Task FollowUp_InAnotherConversation_DoesNotSeeThisOne()
    {
        var conversation = NewConversation();
        await Ask("保健福祉部の事業は？", conversation);

        var elsewhere = await Ask("そのうちタブレットを使うものは？", NewConversation());
        var alone = await Ask("そのうちタブレットを使うものは？");

        Assert.Null(elsewhere.Interpretation.Scope);
        Assert.Contains("4-13", Ids(elsewhere.Citations)); // a tablet row of another department
        Assert.Equal(Ids(alone.Citations), Ids(elsewhere.Citations));
    }

    [Fact]
    public async Task Conversation_RemembersEachTurnWithItsRows()
    {
        var conversation = NewConversation();
        var answer = await Ask("Which Health and Welfare projects use tablets?", conversation);

        var turns = await assistant.Get<IConversationStore>().GetAsync(conversation, CancellationToken.None);

        var turn = Assert.Single(turns);
        Assert.Equal("Which Health and Welfare projects use tablets?", turn.Question);
        Assert.Equal(answer.Citations, turn.Cited);
        Assert.Equal(answer.Retrieved, turn.Retrieved);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyQuestion_IsRejected(string question)
    {
        var e = await Assert.ThrowsAsync<QuestionRejectedException>(() => Ask(question));

        Assert.Equal(QuestionProblem.Empty, e.Problem);
    }

    [Fact]
    public async Task TooLongQuestion_IsRejectedWithTheLimitInTheMessage()
    {
        var e = await Assert.ThrowsAsync<QuestionRejectedException>(() => Ask(new string('あ', 501)));

        Assert.Equal(QuestionProblem.TooLong, e.Problem);
        Assert.Contains("500", e.Message);
    }

    [Fact]
    public async Task ConversationStoreDown_AnswersWithoutHistoryRatherThanFailing()
    {
        var store = new Mock<IConversationStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("store down"));
        store.Setup(s => s.AppendAsync(It.IsAny<string>(), It.IsAny<ConversationTurn>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("store down"));
        var planAssistant = new PlanAssistant(
            assistant.Search, assistant.Composer, store.Object,
            Options.Create(new AssistantOptions()), NullLogger<PlanAssistant>.Instance);

        var answer = await planAssistant.AskAsync(new AskRequest("Which Health and Welfare projects use tablets?", "c1"));

        Assert.Equal(["1-2", "3-8"], Ids(answer.Citations));
        store.Verify(s => s.AppendAsync("c1", It.IsAny<ConversationTurn>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ClientGoneWhileTheHistoryWasRead_NothingIsRetrievedOrComposed()
    {
        using var client = new CancellationTokenSource();
        var store = new Mock<IConversationStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                client.Cancel(); // the request was aborted meanwhile
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            });
        var composer = new Mock<Composition.IAnswerComposer>(MockBehavior.Strict);
        var planAssistant = new PlanAssistant(
            assistant.Search, composer.Object, store.Object,
            Options.Create(new AssistantOptions()), NullLogger<PlanAssistant>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => planAssistant.AskAsync(new AskRequest("タブレットの事業は？", "c1"), client.Token));

        composer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RetrievedRows_FollowTheConfiguredNumber()
    {
        var planAssistant = new PlanAssistant(
            assistant.Search, assistant.Composer, new MemoryConversationStore(Options.Create(new ConversationOptions())),
            Options.Create(new AssistantOptions { RetrievedRows = 3 }), NullLogger<PlanAssistant>.Instance);

        var answer = await planAssistant.AskAsync(new AskRequest("電子自治体の事業の事業費の合計は？"));

        Assert.Equal(3, answer.Retrieved.Count);
        Assert.Equal(30, answer.Citations.Count); // the sum still covers, and cites, every row of the section
    }

    [Fact]
    public async Task Streaming_EndsWithTheFinalAnswer()
    {
        var updates = new List<AnswerUpdate>();
        await foreach (var update in assistant.Assistant.AskStreamingAsync(new AskRequest("ドローンを導入した事業はありますか？"))) updates.Add(update);

        var final = Assert.IsType<Answer>(updates[^1].Final);
        Assert.Equal(["3-22"], Ids(final.Citations));
    }

    [Fact]
    public void Registration_ResolvesTheBuiltInComposerAndTheMemoryStore()
    {
        Assert.IsType<BuiltInAnswerComposer>(assistant.Get<Composition.IAnswerComposer>());
        Assert.IsType<MemoryConversationStore>(assistant.Get<IConversationStore>());
        Assert.Same(assistant.Get<PlanRetriever>(), assistant.Get<PlanRetriever>());
    }

    // ---- what was found is shown, and follow-ups work on all of it

    [Theory]
    [InlineData("携帯の電波が入らないところをなくすやつ、結局何地区できたの？", "4地区")]
    [InlineData("携帯電話の電波が届かない地域をなくすための補助事業について、整備目標に対して実際は何地区できたのか教えてください。", "4地区")]
    public async Task AFigureAskedFor_IsQuotedFromTheAchievementCell_WhichSetsItAgainstTheTarget(string question, string figure)
    {
        var answer = await Ask(question);

        Assert.Equal(["4-15"], Ids(answer.Citations));
        Assert.Contains(figure, answer.Text);
    }

    [Theory]
    [InlineData("How many views did the governor's livestreamed press conferences get last year?", "1-7", "6,823")]
    [InlineData("How many times were its promotional videos played on YouTube by the end of March 2018?", "1-6", "604")]
    public async Task VideoViews_AreThePlaysThePlanCounts(string question, string row, string figure)
    {
        var answer = await Ask(question);

        Assert.Equal(row, Ids(answer.Citations)[0]);
        Assert.Contains(figure, answer.Text);
    }

    [Theory]
    [InlineData("目が見えない人向けに、新聞のニュースとか届けてくれるサービスってありますか？", "3-5")]
    [InlineData("息子が車いすなんですけど、車いすでも行ける施設とかを調べられるサイトみたいなのって県にありますか", "3-24")]
    [InlineData("山の方の小さい学校でネットで授業受けられるやつがあるって聞いたんだけど、それってなに？", "4-8")]
    [InlineData("食べ物の検査結果ってネットで見られる？", "2-14")] // the plan's 農林水産物
    public async Task EverydayWordsForWhatThePlanNamesOfficially_FindItsRow(string question, string row)
    {
        var answer = await Ask(question);

        Assert.Equal([row], Ids(answer.Citations));
    }

    [Theory]
    [InlineData("入札って会社からネットでできるの？", "5-20")] // the plan's 企業
    [InlineData("小さな会社が機械を入れるときにお金を借りられる制度", "2-1")] // the plan's 中小企業
    public async Task CompanyInEverydayWords_IsThePlansWordForIt(string question, string row)
    {
        var answer = await Ask(question);

        Assert.Contains(row, Ids(answer.Citations));
    }

    [Theory]
    [InlineData("病気で長く入院してる子どもが、もとの学校とつながって勉強できるような支援ってありますか", "4-9")]
    [InlineData("I read that the prefecture started flying drones for inspections. Which project is that?", "3-22")]
    public async Task AWordSaidAsAVerb_ThatNamesWhatTheRowHas_DoesNotLoseTheRow(string question, string row)
    {
        // 入院してる子ども is the plan's 入院児童生徒; flying only says what the drones do.
        var answer = await Ask(question);

        Assert.Contains(row, Ids(answer.Citations));
    }

    [Fact]
    public async Task WhatTheAskerSaysOfThemselves_RanksRows_ButDoesNotNarrowTheAnswerToRowsThatAlsoSayIt()
    {
        // ゼミ・発表 are the asker's situation: every robot row is the answer, not only those that also say 発表.
        var answer = await Ask("ゼミの発表で調べてるんですけど、ロボットを使ってる事業って何がある？");

        Assert.Equal(["2-10", "2-11", "2-12", "2-20", "3-2"], Ids(answer.Citations).Order());
    }

    [Fact]
    public async Task WhatTheAskerSaysOfThemselves_NeverCostsARowThatSaysWhatIsAsked()
    {
        // 在宅・仕事・家族 are the family's situation; the row on teaching computer use to the disabled lacks them and 使い方.
        var answer = await Ask("弟に障がいがあって、いつか在宅で仕事ができたらいいなと家族で話しています。障がいのある人にパソコンの使い方を教える県の事業は？");

        Assert.Equal(["3-4"], Ids(answer.Citations));
    }

    [Fact]
    public async Task AQuestionPointingBackWithAPronoun_IsAboutWhatTheAskerDescribed()
    {
        // それって points at the video about fishery the asker heard of: its words are the question's.
        var answer = await Ask("県が漁業の動画を作ったって聞いたんだけど、それってどの事業？");

        Assert.Equal(["1-4"], Ids(answer.Citations));
    }

    [Theory]
    [InlineData("大学と組んでやってる事業は？", "2-20")] // 会津大学 is one word to MeCab
    [InlineData("学校でインターネットの授業を配信する事業", "4-8")] // 中学校
    public async Task AWordThePlanWritesOnlyInsideALongerName_FindsTheRowsOfThatName(string question, string row)
    {
        var answer = await Ask(question);

        Assert.Contains(row, Ids(answer.Citations));
    }

    [Fact]
    public async Task TheBiggestItem_AndHowBigItWas_IsTheLargestBudgetOfThePlan()
    {
        // item is what the table's lines are called; how big asks the figure, not about big data.
        var answer = await Ask("Which single item in the plan had the biggest budget, and how big was it?");

        Assert.Equal(["2-4"], Ids(answer.Citations));
        Assert.Contains("33,687,700", answer.Text);
    }

    [Fact]
    public async Task AThingThePlanNeverMentions_TypedInKana_IsNotAnsweredByARowSharingOnlyItsOtherWords()
    {
        // No row is about buses; three are about smartphones.
        var answer = await Ask("ばすが いま どこ はしってるか すまほで わかる しくみ けんで つくってないの");

        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AThingThePlanNeverMentions_NamedInEnglish_IsNotAnsweredByARowSharingOnlyItsOtherWords()
    {
        var answer = await Ask("Is there a phone or chat help desk in many languages for foreign people living here?");

        Assert.Empty(answer.Citations);
        Assert.True(answer.NoMatch);
    }

    [Fact]
    public async Task TheDisaster_InEnglish_IsAlsoTheEarthquakeThePlanNamesAs震災()
    {
        var answer = await Ask("I live in Fukushima. What help is there for people who had to leave their home because of the disaster? like evacuees");

        Assert.Contains("1-2", Ids(answer.Citations));
        Assert.DoesNotContain("3-19", Ids(answer.Citations)); // river levels for residents: neither evacuees nor the disaster
    }

    [Theory]
    [InlineData("事業を全部教えて", "103件", "計画の順に最初の30件")]
    [InlineData("List all projects please", "103 projects", "first 30 in the plan's order")]
    public async Task EveryProject_AskedFor_IsCountedAndListedInThePlansOrder_TheRestForTheNextQuestion(string question, string count, string listed)
    {
        var answer = await Ask(question);

        Assert.Contains(count, answer.Text);
        Assert.Contains(listed, answer.Text);
        Assert.Equal(30, answer.Citations.Count);
        Assert.Equal("1-1", answer.Citations[0].ToString());
        Assert.Equal(103, answer.AboutCount);
    }

    [Fact]
    public async Task AList_ShowsEveryRowItFound_NotOnlyTheBestNamed()
    {
        var answer = await Ask("マイナンバーに関係する事業");

        Assert.Equal(["3-3", "5-8", "5-24"], Ids(answer.Citations.Order()));
        Assert.StartsWith("「マイナンバー」に関する事業は3件です。", answer.Text);
    }

    [Fact]
    public async Task ALongList_ListsTheClosestAndCountsTheRest_AllOfThemForTheNextQuestion()
    {
        var conversation = NewConversation();
        var answer = await Ask("ホームページを使った事業", conversation);

        Assert.Equal(RowSelection.MaxListed, answer.Citations.Count);
        Assert.True(answer.About.Count > answer.Citations.Count);
        Assert.Contains($"ほか{answer.About.Count - answer.Citations.Count}件あります。", answer.Text);

        var count = await Ask("そのうち新規のものは何件？", conversation);
        Assert.All(count.Citations, id => Assert.Contains(id, answer.About));
    }

    [Fact]
    public async Task FollowUp_Sum_AddsUpEveryRowThePreviousAnswerWasAbout()
    {
        var conversation = NewConversation();
        var robots = await Ask("ロボット関係の事業ってある？", conversation);
        var sum = await Ask("合わせていくら？", conversation);

        Assert.Equal(Ids(robots.About.Order()), Ids(sum.Citations.Order()));
        Assert.Contains($"{sum.CitedRows.Sum(r => r.BudgetThousandYen):N0}千円", sum.Text);
    }

    [Fact]
    public async Task FollowUp_Superlative_NamesTheLargestOfThePreviousRows_InPlainJapanese()
    {
        var conversation = NewConversation();
        var robots = await Ask("ロボット関係の事業ってある？", conversation);
        var largest = await Ask("その中で一番予算が大きいのは？", conversation);

        var expected = robots.CitedRows.MaxBy(r => r.BudgetThousandYen)!;
        Assert.Equal([expected.Id.ToString()], Ids(largest.Citations));
        Assert.StartsWith("前の回答の事業のうち、事業費が最も多いのは", largest.Text);
    }

    [Fact]
    public async Task AWordOfContextThePlanNeverUses_DoesNotEmptyTheAnswer()
    {
        var answer = await Ask("うちの親がもう80過ぎなんだけど、お年寄りとか介護に関係するICTの事業って何かある？");

        Assert.Contains("3-2", Ids(answer.Citations));
        Assert.DoesNotContain("「親」", answer.Text);
    }

    [Fact]
    public async Task FollowUp_TheOneADescriptionTells_IsThatRowOfThePreviousAnswer_ThoughNoRowHasEveryWord()
    {
        var conversation = NewConversation();
        var women = await Ask("what do we have for women in IT or women in the workforce generally?", conversation);
        var school = await Ask("what's the budget on the programming school one?", conversation);

        var programmers = Assert.Single(women.CitedRows, r => r.Name.Contains("プログラマ"));
        Assert.Equal([programmers.Id.ToString()], Ids(school.Citations));
        Assert.Contains($"{programmers.BudgetThousandYen:N0}", school.Text);
    }

    [Fact]
    public async Task FollowUp_TheOneADescriptionTells_WhenNoneOfThePreviousRowsIsIt_IsThePlansRowThatIs()
    {
        var conversation = NewConversation();
        await Ask("Which projects use drones?", conversation);
        var answer = await Ask("Cool, how many people came to the special needs one?", conversation);

        Assert.Equal(["4-13"], Ids(answer.Citations));
        Assert.Contains("73", answer.Text);
    }

    [Fact]
    public async Task FollowUp_AmongThePreviousRows_WhenNoneIsIt_SaysSo_RatherThanSearchingTheWholePlan()
    {
        var conversation = NewConversation();
        await Ask("ドローンを使っている事業は？", conversation);
        var answer = await Ask("そのうち特別支援教育のものは？", conversation);

        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task FollowUp_WhetherEachIsNew_ListsThemAllSayingWhichAre()
    {
        var conversation = NewConversation();
        var cloud = await Ask("クラウドの事業は？", conversation);
        var answer = await Ask("ありがとうございます。それぞれの事業費と、新規事業かどうかもあわせて教えていただけますか。", conversation);

        Assert.Equal(Ids(cloud.Citations).Order(), Ids(answer.Citations).Order());
        Assert.Contains(answer.CitedRows, r => !r.IsNew);
        Assert.All(answer.CitedRows, r => Assert.Contains($"{r.BudgetText}千円、{(r.IsNew ? "新規" : "継続")}）[{r.Id}]", answer.Text));
    }

    [Theory]
    [InlineData("which projects use tablits?", "tablets")]
    [InlineData("is there any projct for dissaster informaton?", "disaster")]
    public async Task EnglishWordsTypedWrong_AreReadAsTheWordsMeant(string question, string word)
    {
        var answer = await Ask(question);

        Assert.Contains(answer.Interpretation.Terms, t => t.Text == word);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task FollowUp_WhatElse_FindsTheOtherRowsOfItsWords_NotTheOnesAlreadyShown()
    {
        var conversation = NewConversation();
        var women = await Ask("are there any programs teaching women to code?", conversation);
        var answer = await Ask("what else is Aizu University involved in?", conversation);

        Assert.Equal(["4-3"], Ids(women.Citations));
        Assert.DoesNotContain("4-3", Ids(answer.Citations));
        Assert.Contains("4-1", Ids(answer.Citations));
    }

    [Fact]
    public async Task TwoDepartments_AreNamedAsAlternatives()
    {
        var answer = await Ask("土木部と企画調整部の事業をあわせると何件になりますか");

        var count = assistant.Retriever.All().Count(r => r.Department is "土木部" or "企画調整部");
        Assert.Matches($"^(企画調整部・土木部|土木部・企画調整部)の事業は \\*\\*{count}件\\*\\* です。", answer.Text);
    }

    [Theory]
    [InlineData("事業が一番多い部署はどこ？")]
    [InlineData("Which department has the most projects?")]
    public async Task TheDepartmentWithTheMostProjects_IsNamedWithItsCount_AndItsRowsCited(string question)
    {
        var answer = await Ask(question);

        var byDepartment = assistant.Retriever.All().GroupBy(r => r.Department).Select(g => (Department: g.Key, Count: g.Count())).ToList();
        var most = byDepartment.Max(d => d.Count);
        var busiest = byDepartment.Where(d => d.Count == most).Select(d => d.Department).ToList();
        Assert.All(busiest, d => Assert.Contains(d, answer.Text));
        Assert.Contains($"{most}", answer.Text);
        Assert.All(answer.CitedRows, r => Assert.Contains(r.Department, busiest));
        Assert.Equal(most * busiest.Count, answer.CitedRows.Count);
    }

    [Theory]
    [InlineData("一番事業が多い課はどこ？")]
    [InlineData("which division has the most projects?")]
    public async Task TheDivisionWithTheMostProjects_IsNamedWithItsCount_AndItsRowsCited(string question)
    {
        var answer = await Ask(question);

        var byDivision = assistant.Retriever.All().SelectMany(r => r.Divisions.Distinct()).GroupBy(d => d).Select(g => (Division: g.Key, Count: g.Count())).ToList();
        var most = byDivision.Max(d => d.Count);
        var busiest = Assert.Single(byDivision, d => d.Count == most); // 情報政策課 in the bundled plan
        Assert.Contains($"**{busiest.Division}**", answer.Text);
        Assert.Contains($"{most}", answer.Text);
        Assert.All(answer.CitedRows, r => Assert.Contains(busiest.Division, r.Divisions));
        Assert.Equal(most, answer.CitedRows.Count);
        Assert.Equal(Ids(answer.Citations).Order(), Ids(answer.Retrieved.Take(most)).Order()); // its rows rank first
    }

    [Fact]
    public async Task AList_IsNamedByEveryItem_NotItsFirst()
    {
        var answer = await Ask("ドローンかロボットの事業は？");

        Assert.StartsWith("「ドローン・ロボット」に関する事業は", answer.Text);
        Assert.Contains(answer.CitedRows, r => (r.Name + r.Summary + r.Results).Contains("ロボット") && !(r.Name + r.Summary + r.Results).Contains("ドローン"));
    }

    [Fact]
    public async Task Ranking_ListsAsManyRowsOfTheBudgetOrderAsAskedFor()
    {
        var answer = await Ask("予算が少ない順に3つ教えて");

        var all = assistant.Retriever.All().Where(r => r.BudgetThousandYen is not null).OrderBy(r => r.BudgetThousandYen).ThenBy(r => r.Id).Take(3);
        Assert.Equal(Ids(all.Select(r => r.Id)), Ids(answer.Citations));
        Assert.StartsWith("事業のうち、事業費が少ない順に3件です。", answer.Text);
    }

    [Fact]
    public async Task ACompleteQuestion_AfterAnother_DoesNotInheritItsWords()
    {
        var conversation = NewConversation();
        await Ask("会津大学が関わる事業は？", conversation);
        var police = await Ask("警察本部の新規事業は？", conversation);

        Assert.Equal(["3-21", "3-25"], Ids(police.Citations.Order()));
    }
}
