using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// Each kind of question, interpreted and retrieved on a real index of the bundled plan: lookups, filters,
/// aggregates, largest and smallest, things the plan does not have, facets, snippets and follow-up scope.
/// Expected rows and figures are derived from the parsed plan where they can be, so the checks are independent
/// of the retriever.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class PlanRetrieverTests(BundledIndexFixture index)
{
    private static List<string> Ids(RetrievalResult result) => result.Rows.Select(r => r.Row.Id.ToString()).ToList();

    private static IEnumerable<PlanRow> PlanRows(Func<PlanRow, bool> where) => BundledPlan.Rows.Where(where);

    private static List<string> IdsOf(IEnumerable<PlanRow> rows) => rows.Select(r => r.Id.ToString()).ToList();

    // ---- lookup

    [Fact]
    public void Lookup_Tablet_FindsTheEvacueeWatchingProjectAmongTheRowsThatWriteIt()
    {
        var result = index.Ask("タブレットを使っている事業は？");

        Assert.Contains("1-2", Ids(result));
        Assert.True(result.Rows.Count > 1);
        Assert.True(result.TextDecides);
        Assert.All(IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains("タブレット"))), id => Assert.Contains(id, Ids(result)));
    }

    [Theory]
    [InlineData("避難している人のための事業は？")]
    [InlineData("避難してる方への支援ってある？")]
    [InlineData("ひなん している ひとの ための じぎょうって ありますか")] // typed in kana, a space between words
    public void PeopleDescribedByWhatTheyDo_AreThoseThePlanNamesSo_NotEveryRowWithTheWord(string question)
    {
        var result = index.Ask(question);

        // 避難者 (1-2, 2-17), 避難している住民 (1-1); 3-15 gives 避難情報, information on evacuating.
        Assert.Equal(["1-1", "1-2", "2-17"], Ids(result).Order());
    }

    [Fact]
    public void PeopleDescribedByWhatTheyDo_AsThePlanNeverNamesThem_AreFoundByWhatTheyDo()
    {
        // The plan names no 入院者: 入院 (入院児童生徒, 4-9) decides.
        Assert.Equal(["4-9"], Ids(index.Ask("入院している人向けの事業")));
    }

    [Fact]
    public void AWayOfDoing_ThePlanNeverWrites_DoesNotKeepTheRowsOfWhatIsAskedFromAnswering()
    {
        // 使い方 is the plan's nowhere; the teachers' ICT training (4-10) is what is asked about.
        Assert.Contains("4-10", Ids(index.Ask("先生向けにICTの使い方を教える研修って、県だとどんなのがあります？")));
    }

    [Fact]
    public void EnglishWordsThatDescribe_DoNotKeepTheRowsOfTheThingsNamedFromAnswering()
    {
        // internal and together are how the asker describes the security cloud (5-7, 5-9), not things a row must name.
        var ids = Ids(index.Ask("which line items cover the security cloud we run together with the municipalities, and the split of the internal network from the internet?"));

        Assert.Contains("5-7", ids);
        Assert.Contains("5-9", ids);
    }

    [Fact]
    public void Context_WhatTheAskerIsDoing_CountsLessThanWhatTheyAskFor()
    {
        // 新聞 and 記事 are the plan's words too (2-19), but the question is about drones.
        var result = index.Ask("しんぶんの きじを かく ために しらべて いるのですが、ふくしまけんで どろーんを つかって いる じぎょうは ありますか");

        var drones = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains("ドローン")));
        Assert.Equal(drones, Ids(result).Take(drones.Count));
        Assert.DoesNotContain(result.Rows[0].Missed, t => t.InContext);
    }

    [Fact]
    public void Context_UnderAFilter_OnlyRanks_SoTheFilterChoosesTheRows()
    {
        var result = index.Ask("記者として取材しているのですが、目標に届かなかった事業について、理由が書かれていれば教えてください。");

        Assert.Equal(
            IdsOf(PlanRows(r => AchievementClassifier.Classify(r.Achievement, r.Results).HasFlag(AchievementStatus.BelowTarget))),
            result.Rows.Select(r => r.Row.Id).Order().Select(id => id.ToString()));
    }

    [Fact]
    public void WordsInBracketsAfterACondition_DescribeIt_SoTheConditionChoosesTheRows()
    {
        var result = index.Ask("事業費が空欄（線とか横棒になってるもの）の事業を全部教えて");

        Assert.Equal(IdsOf(PlanRows(r => r.BudgetThousandYen is null)), result.Rows.Select(r => r.Row.Id).Order().Select(id => id.ToString()));
    }

    [Fact]
    public void WordsInBracketsAfterASectionsName_AreNoWordsTheRowsMustHave()
    {
        var result = index.Ask("What is the total budget of pillar 3 (safety, security and disaster response)?");

        Assert.Empty(result.Unmatched);
        Assert.All(result.Rows, r => Assert.Equal(3, r.Row.Id.Section));
    }

    [Fact]
    public void AnUnknownEnglishWordUnderAFilter_ThatNoRowContains_IsReportedUnmatched_WhileTheFilterChoosesTheRows()
    {
        var result = index.Ask("Which Health and Welfare projects use helicopters?");

        Assert.False(result.TextDecides);
        Assert.Equal(IdsOf(PlanRows(r => r.Department == "保健福祉部")).Order(), Ids(result).Order());
        Assert.Equal(["helicopters"], result.Unmatched.Select(t => t.Text));
    }

    [Fact]
    public void AnUnknownEnglishWordUnderAFilter_ThatOnlyEdictsGlossesFindInSomeRow_OnlyRanks()
    {
        // number is glossed 番号, which one row writes; the asker means the sum, and the department chooses the rows.
        var result = index.Ask("what's the total FY2017 budget of all the Board of Education projects? just need one number");

        Assert.Equal(IdsOf(PlanRows(r => r.Department == "教育庁")).Order(), Ids(result).Order());
    }

    [Fact]
    public void NoRowCoveringEnough_TheRowsThatMatchPartOfTheQuestion_AreNear_NotItsRows()
    {
        // No row clears snow; the robot rows are what the plan has of the question.
        var result = index.Ask("ロボットで雪かきをする事業は？");

        Assert.Empty(result.Rows);
        var robots = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains("ロボット")));
        Assert.Equal(robots.Order(), result.Near.Select(r => r.Row.Id.ToString()).Order());
    }

    [Fact]
    public void AThingThePlanNeverMentions_HalfOfWhatTheQuestionNames_LeavesItsOtherThingsRowsNear_NotItsAnswer()
    {
        // The plan has drones (3-22), never pesticide: no project sprays it.
        var result = index.Ask("ドローンで農薬をまく事業はある？");

        Assert.Empty(result.Rows);
        Assert.Equal("3-22", result.Near[0].Row.Id.ToString());
    }

    // ---- questions that ask for two things

    [Theory]
    [InlineData("議会の本会議はネットで中継してる？あと会議録も検索できるの？")]
    [InlineData("Does the prefectural assembly stream its sessions online, and can I search the minutes?")]
    public void AQuestionInTwoParts_IsAnsweredByTheRowsOfEachPart(string question)
    {
        // 5-18 streams the assembly on the internet, 5-28 builds the minutes search: neither says both.
        var result = index.Ask(question);

        Assert.Contains("5-18", Ids(result));
        Assert.Contains("5-28", Ids(result));
        Assert.All(result.Rows, r => Assert.Empty(r.Missed)); // a row that answers one part lacks nothing of the other
    }

    [Fact]
    public void AThingAskedAnewAfterAQuestion_IsAPartOfItsOwn()
    {
        var result = index.Ask("ドローンの事業は？ロボットは？");

        var expected = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains("ドローン") || (r.Name + r.Summary + r.Results).Contains("ロボット")));
        Assert.Equal(expected.Order(), Ids(result).Order());
    }

    [Theory]
    [InlineData("ドローンを使ってる事業ある？あと予算も教えて")] // あと asks a cell of the same rows
    [InlineData("Which projects use drones? What is their budget?")] // their points back
    [InlineData("how many drones, and how many ICT model construction jobs were ordered?")] // a clause that asks what, of the same row
    public void ASecondSentenceThatAsksMoreOfTheSameRows_IsNoPartOfItsOwn(string question)
    {
        var q = index.Interpreter.Interpret(question);

        Assert.All(q.Terms, t => Assert.Equal(0, t.Part));
    }

    [Theory]
    [InlineData("?AND<script>alert(1)</script>X")] // marks at the very start, found by the hostile-input properties
    [InlineData(",")]
    [InlineData("?")]
    [InlineData("ドローン？？？、and ？")]
    public void MarksAtTheEdgesOfTheText_SplitNothing(string question)
    {
        var q = index.Interpreter.Interpret(question);

        Assert.All(q.Terms, t => Assert.Equal(0, t.Part));
    }

    [Fact]
    public void ASecondSentenceThatAsksTheFirstAgainOfAnotherThing_IsNoPartOfItsOwn()
    {
        // 農林のほうも has no predicate of its own: the cost-estimate systems, of the agriculture side too.
        var q = index.Interpreter.Interpret("工事の積算に使ってるシステムってどの事業？農林のほうも");

        Assert.All(q.Terms, t => Assert.Equal(0, t.Part));
    }

    [Fact]
    public void ARowWithTwoOfTheQuestionsRareThings_AnswersIt_ThoughAnEverydayWordThePlanLacksIsHalfOfWhatItNames()
    {
        // 2-16 alone has both cattle breeding words (家畜の授精適期の予測); the plan never writes タイミング.
        var result = index.Ask("牛の種付けのタイミングをICTで予測するみたいな事業ってあったっけ？");

        Assert.Equal(["2-16"], Ids(result));
    }

    [Fact]
    public void NearRows_RankBestCoveredFirst_AndOnlyFillThePlacesTheRowsLeft()
    {
        // Drones and cattle are each in the plan, in different rows: each such row matches half of the question.
        var result = index.Ask("Which projects use drones to count cattle?", top: 3);

        Assert.Empty(result.Rows);
        Assert.Equal(3, result.Near.Count);
        Assert.Contains("3-22", result.Near.Select(r => r.Row.Id.ToString())); // the drone row
        Assert.True(result.Near.Zip(result.Near.Skip(1)).All(p => p.First.Coverage >= p.Second.Coverage));
    }

    [Fact]
    public void RowsFillingEveryPlace_LeaveNoneNear()
    {
        var result = index.Ask("タブレットやドローンを使っている事業は？", top: 2);

        Assert.Equal(2, result.Rows.Count);
        Assert.Empty(result.Near);
    }

    [Fact]
    public void NearRows_AreNeverAmongTheRows()
    {
        // The watching row has tablets too; the other tablet rows match half of the question.
        var result = index.Ask("タブレットで見守りをする事業");

        Assert.Contains("1-2", Ids(result));
        Assert.Contains("4-13", result.Near.Select(r => r.Row.Id.ToString()));
        Assert.Empty(result.Rows.Select(r => r.Row.Id).Intersect(result.Near.Select(r => r.Row.Id)));
    }

    [Fact]
    public void WordsThatMatch_AreNotReportedUnmatched()
    {
        var result = index.Ask("Which Health and Welfare projects use tablets?");

        Assert.True(result.TextDecides);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Lookup_English_FindsTheSameRowsAsJapanese()
    {
        Assert.Equal(Ids(index.Ask("タブレットを使っている事業は？")).Order(), Ids(index.Ask("Which projects use tablets?")).Order());
    }

    [Fact]
    public void Lookup_Mimamori_RanksTheEvacueeWatchingProjectFirst()
    {
        var result = index.Ask("見守り");

        Assert.Equal("1-2", Ids(result)[0]);
        Assert.Equal(1.0, result.Rows[0].Coverage, 3);
    }

    [Theory]
    [InlineData("入札に参加する業者が設計図書をネットで見られる仕組みってある？", "5-21")]
    [InlineData("武力攻撃のときに住民の安否を集めるシステムはどれ？", "3-13")]
    [InlineData("ラミセスって何？", "3-18")]
    [InlineData("Can residents file applications and notifications online?", "5-22")]
    [InlineData("Is there a project that uses drones?", "3-22")]
    [InlineData("どろーんを使ってる事業", "3-22")]
    public void Lookup_RanksTheProjectAskedAboutFirst(string question, string id)
    {
        Assert.Equal(id, Ids(index.Ask(question))[0]);
    }

    // ---- filters

    [Fact]
    public void Filter_DepartmentAndWord_FindsExactlyItsTabletRows()
    {
        var result = index.Ask("保健福祉部でタブレットを使っている事業");

        Assert.Equal(["1-2", "3-8"], Ids(result).Order());
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void Filter_EnglishDepartmentAndWord_FindsExactlyItsTabletRows()
    {
        Assert.Equal(["1-2", "3-8"], Ids(index.Ask("Which Health and Welfare projects use tablets?")).Order());
    }

    [Fact]
    public void Filter_BudgetUnderOneMillionYen_FindsExactlyTheSevenRows()
    {
        var result = index.Ask("事業費が１００万円未満の事業を全部あげて");

        Assert.Equal(["3-4", "3-5", "3-7", "4-10", "5-7", "5-10", "5-26"], Ids(result));
        Assert.Equal(IdsOf(PlanRows(r => r.BudgetThousandYen < 1_000)), Ids(result));
        Assert.False(result.TextDecides);
    }

    [Theory]
    [InlineData("事業費が1億円以上の事業", 100_000L, null)]
    [InlineData("5千万円未満の事業", null, 50_000L)]
    [InlineData("projects over 100 million yen", 100_001L, null)]
    [InlineData("100万円以上1000万円未満の事業", 1_000L, 10_000L)]
    public void Filter_Budget_FindsEveryRowInTheRangeAndNoOther(string question, long? min, long? max)
    {
        var result = index.Ask(question, top: 200);

        var expected = PlanRows(r => r.BudgetThousandYen is { } b && (min is null || b >= min) && (max is null || b < max));
        Assert.Equal(IdsOf(expected), Ids(result));
        Assert.Equal(result.Rows.Count, result.Total);
    }

    [Fact]
    public void Filter_DepartmentSectionAndBudget_FindsTheirIntersection()
    {
        Assert.Equal(["5-1", "5-2", "5-4"], Ids(index.Ask("総務部の電子自治体の事業で、事業費が1000万円以上のもの")));
    }

    [Fact]
    public void Filter_DepartmentDivisionAndWord()
    {
        Assert.Equal(["3-14", "3-15", "3-16"], Ids(index.Ask("危機管理部 災害対策課 システム")).Order());
    }

    [Fact]
    public void Filter_New_FindsTheRowsMarkedNew()
    {
        Assert.Equal(IdsOf(PlanRows(r => r.IsNew)), Ids(index.Ask("新規の事業は？")));
    }

    [Fact]
    public void Filter_NotImplemented_FindsTheRowsWhoseAchievementSaysSo()
    {
        Assert.Equal(["2-16", "3-1"], Ids(index.Ask("未実施の事業はある？")));
    }

    [Fact]
    public void Filter_BelowTarget_FindsTheRowsThatFellShort()
    {
        var result = index.Ask("Which projects fell short of their target?");

        Assert.Equal(["2-6", "2-8", "4-15", "5-25"], result.Rows.Select(r => r.Row.Id).Order().Select(id => id.ToString()));
        Assert.Equal(
            IdsOf(PlanRows(r => AchievementClassifier.Classify(r.Achievement, r.Results).HasFlag(AchievementStatus.BelowTarget))),
            result.Rows.Select(r => r.Row.Id).Order().Select(id => id.ToString()));
    }

    [Fact]
    public void Filter_NoBudget_FindsTheRowsPrintedWithADash()
    {
        var result = index.Ask("事業費の記載がない事業は？");

        Assert.Equal(IdsOf(PlanRows(r => r.BudgetThousandYen is null)), Ids(result));
        Assert.Equal(9, result.Total);
    }

    // ---- aggregates

    [Fact]
    public void Aggregate_CrisisManagementSum_IsExactAndComesFromItsRowsWithABudget()
    {
        var result = index.Ask("危機管理部の事業費を全部足すといくら？");

        var rows = PlanRows(r => r.Department == "危機管理部").ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal(AnswerIntent.Sum, result.Interpretation.Intent);
        Assert.Equal(10, result.Aggregate.Count);
        Assert.Equal(1_943_959L, result.Aggregate.BudgetSum);
        Assert.Equal(rows.Sum(r => r.BudgetThousandYen ?? 0), result.Aggregate.BudgetSum);
        Assert.Equal(7, result.Aggregate.RowsWithBudget.Count);
        Assert.Equal(["3-11", "3-12", "3-13"], IdsOf(result.Aggregate.RowsWithoutBudget));
        Assert.Equal(IdsOf(rows), IdsOf(result.Aggregate.Rows));
    }

    [Fact]
    public void Aggregate_PlanningAndCoordinationCount_IsFifteen()
    {
        var result = index.Ask("企画調整部が持ってる事業の数を数えて");

        Assert.Equal(AnswerIntent.Count, result.Interpretation.Intent);
        Assert.Equal(15, result.Aggregate.Count);
        Assert.Equal(IdsOf(PlanRows(r => r.Department == "企画調整部")), IdsOf(result.Aggregate.Rows));
    }

    [Fact]
    public void Aggregate_CoversEveryMatchingRowEvenBeyondTheRowsReturned()
    {
        var result = index.Ask("企画調整部の事業費の合計は？", top: 3);

        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(15, result.Total);
        Assert.Equal(15, result.Aggregate.Count);
        Assert.Equal(PlanRows(r => r.Department == "企画調整部").Sum(r => r.BudgetThousandYen ?? 0), result.Aggregate.BudgetSum);
    }

    [Theory]
    [InlineData("保健福祉部")]
    [InlineData("農林水産部")]
    [InlineData("教育庁")]
    [InlineData("商工労働部")]
    public void Aggregate_SumOfEachDepartment_IsExactToTheThousandYen(string department)
    {
        var result = index.Ask($"{department}の事業費の合計は？");

        Assert.Equal(PlanRows(r => r.Department == department).Sum(r => r.BudgetThousandYen ?? 0), result.Aggregate.BudgetSum);
        Assert.Equal(PlanRows(r => r.Department == department).Count(), result.Aggregate.Count);
    }

    [Fact]
    public void Largest_InASection_IsTheRowWithTheLargestBudgetAndRowsComeBudgetDescending()
    {
        var result = index.Ask("人材・基盤の育成、強化の柱で事業費が最も多いのはどれ？");

        Assert.Equal("4-6", result.Aggregate.Largest!.Id.ToString());
        Assert.Equal(353_422L, result.Aggregate.Largest.BudgetThousandYen);
        Assert.Equal("4-6", Ids(result)[0]);
        var budgets = result.Rows.Select(r => r.Row.BudgetThousandYen ?? -1).ToList();
        Assert.Equal(budgets.OrderDescending(), budgets);
    }

    [Fact]
    public void Smallest_OfThePlan_IsTheBrailleNetworkAndRowsWithoutABudgetComeLast()
    {
        var result = index.Ask("Which project has the smallest budget?", top: 200);

        Assert.Equal("3-5", result.Aggregate.Smallest!.Id.ToString());
        Assert.Equal(26L, result.Aggregate.Smallest.BudgetThousandYen);
        Assert.Equal("3-5", Ids(result)[0]);
        Assert.All(result.Rows.TakeLast(9), r => Assert.Null(r.Row.BudgetThousandYen));
    }

    [Fact]
    public void Largest_OfADepartment()
    {
        var result = index.Ask("土木部の事業で事業費が一番大きいのはどれ？");

        Assert.Equal("3-19", result.Aggregate.Largest!.Id.ToString());
        Assert.Equal(138_380L, result.Aggregate.Largest.BudgetThousandYen);
    }

    // ---- things the plan does not have

    [Fact]
    public void SeveralEverydayWordsThePlanLacks_DoNotOutweighTheWordsThatMatched()
    {
        // 病院 and やりとり are not the plan's words (it says 医療機関 and 共有); 救急 and 患者 are.
        var result = index.Ask("救急車と病院のあいだで患者さんの情報をやりとりする仕組みってある？");

        var both = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains("救急") && (r.Name + r.Summary + r.Results).Contains("患者")));
        Assert.NotEmpty(both);
        Assert.Equal(both.Order(), Ids(result).Take(both.Count).Order());
    }

    [Fact]
    public void ALongQuestion_FindsTheRowsThatHaveTwoOfItsRareThings()
    {
        // 点字 and 新聞 meet in one row only; 目, 使い方 and 耳 are not the plan's words, and no row has all the rest.
        var result = index.Ask("目の見えない人や耳の聞こえない人に、パソコンの使い方を教えたり、新聞のニュースを点字や音声で届けたりしている事業ってありますか");

        var both = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results) is var text && text.Contains("点字") && text.Contains("新聞")));
        Assert.Single(both);
        Assert.Contains(both[0], Ids(result));
    }

    [Fact]
    public void AListWithACommonItem_DecidesByItsTellingItem()
    {
        // ネット is in a third of the rows, which made スマホやネット decide nothing; 使い方 is not the plan's word.
        var result = index.Ask("子どもたちのスマホやネットの正しい使い方について、何か取り組みをしているのでしょうか。");

        var both = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results) is var text && text.Contains("子ども") && text.Contains("スマホ")));
        Assert.NotEmpty(both);
        Assert.Equal(both.Order(), Ids(result).Take(both.Count).Order());
    }

    [Fact]
    public void Lookup_AWordThePlanNeverWrites_IsReadThroughTheEnglishOfItsFirstSense()
    {
        // 病院 is nowhere in the plan; EDICT glosses it "hospital", which the plan writes as 医療機関 (the glossary says so).
        Assert.DoesNotContain(BundledPlan.Rows, r => (r.Name + r.Summary + r.Results).Contains("病院"));

        var result = index.Ask("救急車で運ばれるときに、病院とうまく連絡がとれる仕組みとかってあるんでしょうか");

        Assert.Contains(result.Interpretation.Terms, t => t.Text == "病院" && t.Synonyms.Any(s => s.Word == "医療機関"));
        Assert.Contains("3-8", Ids(result).Take(2));
    }

    [Fact]
    public void Lookup_AWordThePlanNeverWrites_IsNotReadThroughAnEnglishWordThatIsMostlyAVerb()
    {
        // 熊 is glossed "bear", whose likeliest Japanese are verbs (担う, which 3-19 writes): no bear is in the plan.
        var result = index.Ask("くまが でたときに けいたいに しらせが くる しくみは ありますか");

        Assert.DoesNotContain(result.Interpretation.Terms, t => t.Synonyms.Any(s => s.Word == "担う"));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Lookup_AQuestionTypedInOneRunOfHiragana_IsCutByThePlansReadings()
    {
        // MeCab reads か・わ・のみ・ず; between particles, みず is the plan's 水.
        var result = index.Ask("かわのみずのたかさをしらべられるものはありますか");

        Assert.Contains(result.Interpretation.Terms, t => t.Text == "水");
        Assert.Contains("3-19", Ids(result));
    }

    [Theory]
    [InlineData("見守っている事業は？", "見守")]
    [InlineData("なりすましさぎ", "なりすまし")]
    public void Lookup_VerbsAlone_FindTheRowsThatSayThem_NotEveryRow(string question, string stem)
    {
        var result = index.Ask(question);

        var saying = IdsOf(PlanRows(r => (r.Name + r.Summary + r.Results).Contains(stem)));
        Assert.NotEmpty(result.Rows);
        Assert.All(Ids(result), id => Assert.Contains(id, saying));
    }

    [Fact]
    public void Superlative_BesideAVerb_IsOverEveryRow()
    {
        var result = index.Ask("ちょっと聞きたいんだけど、一番予算が大きいのは？");

        Assert.Equal(BundledPlan.Rows.MaxBy(r => r.BudgetThousandYen ?? -1)!.Id.ToString(), Ids(result)[0]);
    }

    [Theory]
    [InlineData("ふるさと納税の事業はある？")] // both parts are the plan's words, the compound is not: one thing, not two
    [InlineData("バスとか電車の時刻がスマホでわかるようになる事業ってある？")]
    public void None_TheRareWordsOfOneThing_DoNotAdmitARow(string question)
    {
        Assert.True(index.Ask(question).IsEmpty);
    }

    [Theory]
    [InlineData("ドクターヘリの運航を支援する事業ある？")]
    [InlineData("オンライン診療を広める事業はある？")]
    [InlineData("Is there a smart meter or smart grid project?")]
    [InlineData("Is there a project on blockchain?")]
    [InlineData("自動運転バスの実証事業はある？")]
    [InlineData("スマホで病院の診察うけられるオンライン診療ってさ、県で補助とかしてくれてる？")]
    [InlineData("クマが出たらスマホに通知来るサービスって県でやってる？")]
    public void None_AQuestionAboutWhatThePlanLacks_IsEmpty(string question)
    {
        var result = index.Ask(question);

        Assert.True(result.IsEmpty, string.Join(", ", Ids(result)));
        Assert.Equal(0, result.Total);
        Assert.Equal(0, result.Aggregate.Count);
    }

    // ---- facets and snippets

    [Fact]
    public void Facets_CountTheMatchingRowsPerDepartmentAndSection()
    {
        var result = index.Ask("タブレット");

        var expected = result.Rows.GroupBy(r => r.Row.Department).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, result.Facets.Departments.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(result.Total, result.Facets.Sections.Sum(f => f.Count));
        Assert.Equal(result.Facets.Departments.Select(f => f.Count).OrderDescending(), result.Facets.Departments.Select(f => f.Count));
    }

    [Fact]
    public void Facets_CountTheMatchingRowsPerDivision_OnlyWhenTheQuestionAsksWhichHasTheMost()
    {
        var asked = index.Ask("ロボットの事業が一番多い課は？");
        var listed = index.Ask("ロボットの事業は？");

        var expected = asked.Rows.SelectMany(r => r.Row.Divisions.Distinct()).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, asked.Facets.Divisions.ToDictionary(f => f.Value, f => f.Count));
        Assert.Equal(asked.Facets.Divisions.Select(f => f.Count).OrderDescending(), asked.Facets.Divisions.Select(f => f.Count));
        Assert.Empty(listed.Facets.Divisions);
    }

    [Fact]
    public void ADepartmentLeftOut_LeavesEveryOtherRowOfTheFilter()
    {
        var result = index.Ask("警察本部以外の新規事業は？");

        var expected = BundledPlan.Rows.Where(r => r.IsNew && r.Department != "警察本部").Select(r => r.Id).Order().ToList();
        Assert.Equal(expected, result.Aggregate.Rows.Select(r => r.Id).Order().ToList());
        Assert.Contains(BundledPlan.Rows, r => r.IsNew && r.Department == "警察本部"); // there was one to leave out
    }

    [Theory]
    [InlineData("保健福祉部の事業で、障がい福祉課以外のものは？")]
    [InlineData("list the Health and Welfare Dept projects, but leave out the ones handled by the disability welfare division")]
    public void ADivisionLeftOut_LeavesEveryOtherRowOfTheDepartment(string question)
    {
        var result = index.Ask(question);

        var expected = BundledPlan.Rows.Where(r => r.Department == "保健福祉部" && !r.Divisions.Contains("障がい福祉課")).Select(r => r.Id).Order().ToList();
        Assert.Equal(expected, result.Aggregate.Rows.Select(r => r.Id).Order().ToList());
        Assert.Contains(BundledPlan.Rows, r => r.Department == "保健福祉部" && r.Divisions.Contains("障がい福祉課")); // there was one to leave out
    }

    [Fact]
    public void ADepartmentLeftOut_Alone_LeavesEveryOtherRow()
    {
        var result = index.Ask("企画調整部以外の事業は何件？");

        Assert.Equal(BundledPlan.Rows.Count(r => r.Department != "企画調整部"), result.Total);
    }

    [Fact]
    public void Facets_NameSectionsByTheirTitles()
    {
        var result = index.Ask("電子自治体の事業");

        var section = Assert.Single(result.Facets.Sections);
        Assert.Equal("5", section.Value);
        Assert.Equal("電子自治体・行政サービスの充実", section.Label);
        Assert.Equal(30, section.Count);
    }

    [Fact]
    public void Snippets_MarkTheMatchedWords()
    {
        var row = index.Ask("タブレット").Rows.Single(r => r.Row.Id.ToString() == "1-2");

        Assert.All(row.Snippets, s => Assert.Contains(Snippet.Open, s.Marked));
        var snippet = row.Snippets.First(s => s.Field == SnippetFields.Summary);
        Assert.Contains($"{Snippet.Open}タブレット", snippet.Marked);
        Assert.Contains("<mark>タブレット", snippet.ToHtml());
        Assert.DoesNotContain(Snippet.Open, snippet.ToPlainText());
    }

    [Fact]
    public void Snippets_OfAnEnglishQuestion_MarkTheJapaneseWordsItWasReadAs()
    {
        var row = index.Ask("Which projects use drones?").Rows.Single();

        Assert.Contains(row.Snippets, s => s.Marked.Contains($"{Snippet.Open}ドローン{Snippet.Close}"));
    }

    [Fact]
    public void Snippets_AreNoneForAFilterOnlyQuestion()
    {
        Assert.All(index.Ask("警察本部の事業").Rows, r => Assert.Empty(r.Snippets));
    }

    [Fact]
    public void Snippets_EscapeTheRowTextInHtml()
    {
        var snippet = new Snippet("f", $"a<b & {Snippet.Open}c{Snippet.Close}");

        Assert.Equal("a&lt;b &amp; <mark>c</mark>", snippet.ToHtml());
    }

    // ---- follow-up scope

    [Fact]
    public void Scope_OfAFollowUp_LimitsTheRowsToThePreviousOnes()
    {
        var first = index.Ask("保健福祉部の事業は？");
        var previous = new PreviousTurn(first.Interpretation, first.Rows.Select(r => r.Row.Id).ToList());

        var result = index.Ask("そのうちタブレットを使うものは？", previous);

        Assert.Equal(["1-2", "3-8"], Ids(result).Order());
    }

    [Fact]
    public void Scope_HowMuchAltogether_SumsExactlyThePreviousRows()
    {
        var first = index.Ask("Which Health and Welfare projects use tablets?");
        var previous = new PreviousTurn(first.Interpretation, first.Rows.Select(r => r.Row.Id).ToList());

        var result = index.Ask("合わせていくら？", previous);

        Assert.Equal(["1-2", "3-8"], IdsOf(result.Aggregate.Rows));
        Assert.Equal(1_943_682L + 120_255L, result.Aggregate.BudgetSum);
    }

    [Fact]
    public void Scope_OfThemWithADepartment_KeepsThePreviousRowsOfThatDepartment()
    {
        var first = index.Ask("新規事業は全部で何件？");
        var previous = new PreviousTurn(first.Interpretation, first.Rows.Select(r => r.Row.Id).ToList());

        var result = index.Ask("そのうち警察本部のものは？", previous);

        Assert.Equal(["3-21", "3-25"], Ids(result));
    }

    [Fact]
    public void Scope_Empty_MatchesNothing()
    {
        var result = index.Retriever.Retrieve(new QueryInterpretation { Question = "そのうち新規は？", IsNew = true, Scope = [] });

        Assert.True(result.IsEmpty);
    }

    [Fact]
    public void Retrieve_OfAQuestionWithNothingInIt_ListsEveryRow()
    {
        var result = index.Retriever.Retrieve(new QueryInterpretation { Question = "" }, RetrievalOptions.Default with { Top = 200 });

        Assert.Equal(103, result.Total);
        Assert.Equal(IdsOf(BundledPlan.Rows.OrderBy(r => r.Id)), Ids(result));
    }
}
