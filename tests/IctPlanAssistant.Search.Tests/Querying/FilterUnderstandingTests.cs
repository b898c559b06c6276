using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>
/// Departments, sections, divisions, the new flag, budget conditions and achievement read from Japanese and
/// English questions, against the names of a real index of the bundled plan and the glossary.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class FilterUnderstandingTests(BundledIndexFixture index)
{
    private QueryInterpretation Interpret(string question) => index.Interpreter.Interpret(question);

    [Theory]
    [InlineData("保健福祉部の事業は？", "保健福祉部")]
    [InlineData("警察本部の事業", "警察本部")]
    [InlineData("議会事務局がやっていること", "議会事務局")]
    public void Department_ByItsPrintedName(string question, string department)
    {
        Assert.Equal([department], Interpret(question).Departments);
    }

    [Theory]
    [InlineData("障害福祉課が担当してる事業って全部でどれですか", "障がい福祉課")] // 障がい|障害: one line of terms.tsv
    [InlineData("障がい福祉課の事業", "障がい福祉課")]
    public void Division_SpelledAsTheGlossarySpellsAWordOfIt(string question, string division)
    {
        Assert.Equal([division], Interpret(question).Divisions);
    }

    [Theory]
    [InlineData("県警の事業", "警察本部")]
    [InlineData("おまわりさんの じぎょうで あたらしいのは？", "警察本部")] // the everyday word, typed in kana
    [InlineData("保健福祉の事業", "保健福祉部")]
    [InlineData("県教委の事業", "教育庁")]
    [InlineData("土木の事業を教えて", "土木部")]
    public void Department_ByAShortForm(string question, string department)
    {
        var q = Interpret(question);

        Assert.Equal([department], q.Departments);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("Which Health and Welfare projects are there?", "保健福祉部")]
    [InlineData("Board of Education projects", "教育庁")]
    [InlineData("What does the Police run?", "警察本部")]
    [InlineData("Civil Engineering projects", "土木部")]
    [InlineData("Agriculture Forestry and Fisheries projects", "農林水産部")]
    [InlineData("Which Agriculture, Forestry and Fisheries projects are there?", "農林水産部")]
    [InlineData("Crisis Management projects", "危機管理部")]
    [InlineData("Planning and Coordination projects", "企画調整部")]
    [InlineData("Commerce Industry and Labour projects", "商工労働部")]
    [InlineData("What does the Commerce, Industry & Labor Dept run?", "商工労働部")]
    [InlineData("which projects under the commerce/industry/labor dept are new?", "商工労働部")] // its fields between slashes, no "and"
    [InlineData("agriculture forestry fisheries dept projects", "農林水産部")]
    [InlineData("General Affairs projects", "総務部")]
    [InlineData("Prefectural Assembly projects", "議会事務局")]
    [InlineData("Treasury projects", "出納局")]
    [InlineData("Enterprise Bureau projects", "企業局")]
    [InlineData("Which of the projects belong to the agriculture department?", "農林水産部")] // department: a column word too
    [InlineData("projects of the Education Department", "教育庁")]
    [InlineData("projects run by the prefectural police HQ", "警察本部")]
    public void Department_ByItsEnglishName(string question, string department)
    {
        var q = Interpret(question);

        Assert.Equal(QueryLanguage.English, q.Language);
        Assert.Equal([department], q.Departments);
        Assert.Empty(q.Terms);
    }

    [Fact]
    public void Department_ShortFormInsideACompound_IsPartOfTheWordNotADepartment()
    {
        var q = Interpret("感染症危機管理ネットワーク");

        Assert.Empty(q.Departments);
        Assert.Contains(q.Terms, t => t.Kind == TermKind.Compound && t.Alternatives.Contains("感染症危機管理ネットワーク"));
    }

    [Fact]
    public void Department_ShortFormStandingAlone_IsTheDepartment()
    {
        Assert.Equal(["危機管理部"], Interpret("危機管理の事業").Departments);
    }

    [Theory]
    [InlineData("電子自治体・行政サービスの充実の事業", 5)]
    [InlineData("人材・基盤の育成、強化の事業", 4)]
    [InlineData("復興への取組の事業", 1)]
    public void Section_ByItsTitle(string question, int section)
    {
        Assert.Equal([section], Interpret(question).Sections);
    }

    [Theory]
    [InlineData("電子自治体の事業", 5)]
    [InlineData("e-government projects", 5)]
    [InlineData("Under the human-resources pillar, which projects are there?", 4)]
    [InlineData("産業振興の事業", 2)]
    public void Section_ByAnAlias(string question, int section)
    {
        Assert.Equal([section], Interpret(question).Sections);
    }

    [Theory]
    [InlineData("行政サービスの柱の事業", 5)]
    [InlineData("防災の柱の事業", 3)]
    [InlineData("projects of the disaster pillar", 3)]
    [InlineData("public services pillar", 5)]
    [InlineData("in the part about disaster and safety, which project has the biggest budget?", 3)]
    [InlineData("Which of the industry / regional revitalization projects fell short of their targets?", 2)] // beside its title
    [InlineData("産業・地域活性化の事業", 2)]
    [InlineData("sec 5 projects", 5)] // Teams shorthand
    [InlineData("which projects in the security and disaster prevention pillar?", 3)] // joined by and to its title
    [InlineData("安心と防災の柱の事業", 3)]
    [InlineData("List the new (○) projects under pillar 3, safety & disaster response.", 3)] // its English title after its number
    public void Section_ByAWordThatNamesItOnlyBesidePillar(string question, int section)
    {
        var q = Interpret(question);

        Assert.Equal([section], q.Sections);
        Assert.Empty(q.Terms);
    }

    [Fact]
    public void Section_WordWithoutPillar_IsSearchedAsAWord()
    {
        var q = Interpret("防災の事業");

        Assert.Empty(q.Sections);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("防災"));
    }

    [Theory]
    [InlineData("情報政策課の事業", "情報政策課")]
    [InlineData("危機管理部 災害対策課 システム", "災害対策課")]
    [InlineData("私学・法人課の事業", "私学・法人課(会津大学)")] // the name before the body it serves in brackets
    public void Division_ByItsPrintedName(string question, string division)
    {
        Assert.Equal([division], Interpret(question).Divisions);
    }

    [Theory]
    [InlineData("会津大学が担当課に入ってる事業はどれですか", "私学・法人課(会津大学)")]
    [InlineData("環境創造センターが担当の事業は？", "環境共生課（環境創造センター）")]
    public void Division_ByTheBodyItServes_WhereTheQuestionPutsItInCharge(string question, string division)
    {
        var q = Interpret(question);

        Assert.Equal([division], q.Divisions);
        Assert.Empty(q.Terms);
    }

    [Fact]
    public void TheBodyADivisionServes_NotPutInCharge_IsAWordOfTheRows()
    {
        var q = Interpret("会津大学と連携した事業");

        Assert.Empty(q.Divisions);
        Assert.Contains(q.Terms, t => t.Text == "会津大学");
    }

    [Theory]
    [InlineData("Koho-ka projects", "広報課")] // コウホウカ: romaji writes the long vowels as one
    [InlineData("Which projects does Koho-ka own?", "広報課")]
    [InlineData("projects of Joho Seisaku-ka", "情報政策課")]
    [InlineData("what does the kouhouka do", "広報課")]
    public void Division_InRomaji(string question, string division)
    {
        var q = Interpret(question);

        Assert.Equal([division], q.Divisions);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("projects of the Information Policy Division", "情報政策課")]
    [InlineData("What projects does the PR division (Koho-ka) own or share?", "広報課")]
    [InlineData("which projects does the crisis management division run?", "危機管理課")]
    [InlineData("what does the tax division do?", "税務課")]
    public void Division_InEnglish_WordByWord(string question, string division)
    {
        Assert.Equal([division], Interpret(question).Divisions);
    }

    [Fact]
    public void DivisionAsked_IsNoDivisionNamed()
    {
        var q = Interpret("which division runs the drone project?");

        Assert.Empty(q.Divisions);
        Assert.Equal(PlanColumn.Divisions, q.AskedColumn);
    }

    [Theory]
    [InlineData("保健福祉部の事業で、障がい福祉課以外のものは？")]
    [InlineData("list the Health and Welfare Dept projects, but leave out the ones handled by the disability welfare division")]
    public void Division_LeftOut(string question)
    {
        var q = Interpret(question);

        Assert.Equal(["障がい福祉課"], q.ExceptDivisions);
        Assert.Empty(q.Divisions);
        Assert.Equal(["保健福祉部"], q.Departments);
    }

    [Theory]
    [InlineData("how many projects does Somubu have", "総務部")]
    [InlineData("kikikanri-bu new projects", "危機管理部")]
    [InlineData("keisatsu honbu projects in the plan?", "警察本部")] // honbu is no typo of the dictionary's konbu
    public void Department_InRomaji(string question, string department)
    {
        Assert.Equal([department], Interpret(question).Departments);
    }

    [Theory]
    [InlineData("Is there a karaoke project?")]
    [InlineData("which projects help tourists in Aizu?")]
    public void Romaji_ThatIsNoName_IsNoFilter(string question)
    {
        var q = Interpret(question);

        Assert.Empty(q.Divisions);
        Assert.Empty(q.Departments);
    }

    [Fact]
    public void Division_AndDepartmentTogether_AreBothFilters()
    {
        var q = Interpret("危機管理部 災害対策課 システム");

        Assert.Equal(["危機管理部"], q.Departments);
        Assert.Equal(["災害対策課"], q.Divisions);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("システム"));
    }

    [Theory]
    [InlineData("新規の事業は？")]
    [InlineData("教育庁の新規事業は？")]
    [InlineData("Which Police projects are new?")]
    [InlineData("List the new projects in the e-government pillar.")]
    [InlineData("How many of the projects in the plan are flagged as new for fiscal 2017?")]
    public void New_IsAFilter(string question)
    {
        var q = Interpret(question);

        Assert.True(q.IsNew);
        Assert.DoesNotContain(q.Terms, t => t.Text.Contains("新規") || t.Text.Contains("new"));
    }

    [Theory]
    [InlineData("今回の計画で「新規」って印がついてる事業、ぜんぶで何本あるの？")]
    [InlineData("新規のマークがついてる事業は？")]
    public void New_SaidAsTheMarkTheTableGivesIt_IsAFilter_AndNoWordOfIt(string question)
    {
        var q = Interpret(question);

        Assert.True(q.IsNew);
        Assert.DoesNotContain(q.Terms, t => t.Text is "印" or "マーク");
    }

    [Theory]
    [InlineData("Can you pull the new (○) projects with a budget over 100 million yen?")] // the mark in brackets after new
    [InlineData("〇がついてる事業は？")]
    [InlineData("◯の付いた福祉の事業")]
    public void New_SaidAsTheTablesCircleMark_IsAFilter_AndNoWordOfIt(string question)
    {
        var q = Interpret(question);

        Assert.True(q.IsNew);
        Assert.DoesNotContain(q.Terms, t => t.Text.Contains('○') || t.Text.Contains('〇') || t.Text.Contains('◯') || t.Text is "pull" or "つく");
    }

    [Theory]
    [InlineData("○○事業は目標達成できたの？")]
    [InlineData("〇〇のシステムの予算は？")]
    public void CircleMarksRepeated_AreAPlaceholderForAName_NotTheNewMark(string question)
    {
        Assert.Null(Interpret(question).IsNew);
    }

    [Theory]
    [InlineData("にじゅうきゅうねんどに あたらしく はじまった じぎょうは ぜんぶで いくつ ありますか")]
    [InlineData("へいせい にじゅうきゅうねんどの しんきじぎょうは なんけん？")]
    public void New_WithTheFiscalYearTypedInKana_CountsTheNewRows_AndNoWordOfTheYear(string question)
    {
        var q = Interpret(question);

        Assert.True(q.IsNew);
        Assert.Equal(AnswerIntent.Count, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Fact]
    public void Count_WithTheCounterHon_AsksHowMany()
    {
        Assert.Equal(AnswerIntent.Count, Interpret("新規の事業は何本ありますか").Intent);
    }

    [Theory]
    [InlineData("継続事業は？")]
    [InlineData("ongoing projects")]
    public void NotNew_IsAFilter(string question)
    {
        Assert.False(Interpret(question).IsNew);
    }

    [Fact]
    public void New_WithoutANewWord_IsNoCondition()
    {
        Assert.Null(Interpret("タブレットを使う事業").IsNew);
    }

    [Theory]
    [InlineData("事業費が1億円以上の事業", 100_000L, null)]
    [InlineData("5千万円未満の事業", null, 50_000L)]
    [InlineData("事業費が１００万円未満の事業を全部あげて", null, 1_000L)] // full-width digits
    [InlineData("1000万円以上の事業", 10_000L, null)]
    [InlineData("1億5千万円を超える事業", 150_001L, null)]
    [InlineData("100万円以下の事業", null, 1_001L)]
    [InlineData("教育庁の事業で一億円より大きいものは？", 100_001L, null)] // kanji numerals
    [InlineData("五千万円以上の事業は？", 50_000L, null)]
    [InlineData("1億円より 大きい事業", 100_001L, null)] // a space inside the comparison
    [InlineData("きょういくいいんかいの じぎょうで、いちおくえんより おおきい ものは どれですか", 100_001L, null)] // typed in kana
    [InlineData("ごせんまんえん いじょうの じぎょうは？", 50_000L, null)]
    [InlineData("さんびゃくまんえんみまんの じぎょう", null, 3_000L)] // びゃく: a sound change
    [InlineData("いっせんまんえん いか", null, 10_001L)]
    [InlineData("1億円より すくない事業", null, 100_000L)]
    [InlineData("事業費が百万円に届かない小さな事業を全部教えてください（金額が「—」のは除いて）", null, 1_000L)]
    [InlineData("1億円に満たない事業", null, 100_000L)]
    [InlineData("予算が1000万円を切る事業", null, 10_000L)]
    [InlineData("100万円以内の事業", null, 1_001L)]
    [InlineData("Which projects cost over 100 million yen?", 100_001L, null)]
    [InlineData("projects with a budget of less than ¥5 million", null, 5_000L)]
    [InlineData("projects of 10 million yen or more", 10_000L, null)]
    [InlineData("projects under 2.5 million yen", null, 2_500L)]
    [InlineData("Which projects had budgets of ¥100M or more?", 100_000L, null)] // the sign in place of the word yen
    [InlineData("budgets of ¥100 million or more", 100_000L, null)]
    [InlineData("projects of 100 million or more", 100_000L, null)]
    public void Budget_ConditionInThousandYen(string question, long? min, long? max)
    {
        var q = Interpret(question);

        Assert.Equal(new BudgetRange(min, max), q.Budget);
        Assert.DoesNotContain(q.Terms, t => t.Text.Any(char.IsDigit));
    }

    [Fact]
    public void Budget_AMyriadTypedInKana_NamesNoFigure()
    {
        Assert.Null(Interpret("まんえん いじょうの じぎょう").Budget); // まんえん is also 蔓延
    }

    [Theory]
    [InlineData("Which projects say the target was achieved in FY2017 — not just 'carried out as planned'?", AchievementStatus.Achieved)]
    [InlineData("which projects were carried out as planned rather than meeting their target?", AchievementStatus.AsPlanned)]
    public void Achievement_SetAsideByNotJustOrRatherThan_IsNeitherAskedNorNegated(string question, AchievementStatus status)
    {
        Assert.Equal(status, Interpret(question).Achievement);
    }

    [Fact]
    public void Budget_TwoConditions_AreOneRange()
    {
        Assert.Equal(new BudgetRange(1_000, 10_000), Interpret("100万円以上1000万円未満の事業").Budget);
    }

    [Theory]
    [InlineData("Which events had over 100 people?")]
    [InlineData("more than 20 schools")]
    [InlineData("courses with 100 or more participants")]
    [InlineData("講座受講者数が100名以上の事業")]
    public void Budget_ANumberOfPeopleOrThings_IsNotABudget(string question)
    {
        Assert.Null(Interpret(question).Budget);
    }

    [Theory]
    [InlineData("1億", 100_000)]
    [InlineData("5千万", 50_000)]
    [InlineData("1億5千万", 150_000)]
    [InlineData("100万", 1_000)]
    [InlineData("1,000万", 10_000)]
    [InlineData("5000", 5)]
    [InlineData("一億五千万", 150_000)]
    [InlineData("三千万", 30_000)]
    [InlineData("百万", 1_000)]
    [InlineData("二十億", 2_000_000)]
    [InlineData("1.5億", 150_000)]
    [InlineData("千", 1)]
    public void Budget_JapaneseAmount_InThousandYen(string amount, int thousandYen)
    {
        Assert.Equal<decimal?>(thousandYen, BudgetExpression.JapaneseAmount(amount));
    }

    [Theory]
    [InlineData("目標達成した事業", AchievementStatus.Achieved)]
    [InlineData("目標を達成した事業は？", AchievementStatus.Achieved)]
    [InlineData("目標達成ってなってる事業ってどれ？", AchievementStatus.Achieved)] // MeCab: 目標・達・成っ・て
    [InlineData("Which projects met their target?", AchievementStatus.Achieved)]
    [InlineData("計画どおり実施した事業", AchievementStatus.AsPlanned)]
    [InlineData("projects carried out as planned", AchievementStatus.AsPlanned)]
    [InlineData("未実施の事業はある？", AchievementStatus.NotImplemented)]
    [InlineData("projects that were not carried out", AchievementStatus.NotImplemented)]
    [InlineData("目標を下回った事業", AchievementStatus.BelowTarget)]
    [InlineData("Which projects missed their target?", AchievementStatus.BelowTarget)]
    [InlineData("Which projects fell short of their target?", AchievementStatus.BelowTarget)]
    [InlineData("which ones hit their numeric target?", AchievementStatus.Achieved)] // words in a gap (hit…target)
    [InlineData("which ones didn't hit their numeric target?", AchievementStatus.BelowTarget)]
    [InlineData("Which projects did not hit their target?", AchievementStatus.BelowTarget)]
    [InlineData("大きな目標を打ち出していたのに、結局そこまで届かなかった事業", AchievementStatus.BelowTarget)] // nine morphemes, three words between
    public void Achievement_IsAFilter(string question, AchievementStatus status)
    {
        Assert.Equal(status, Interpret(question).Achievement);
    }

    [Fact]
    public void Achievement_WithoutAnAchievementWord_IsNoCondition()
    {
        Assert.Equal(AchievementStatus.None, Interpret("タブレットを使う事業").Achievement);
    }

    [Theory]
    [InlineData("ドローンやロボットの事業、それぞれの予算は？", true)]
    [InlineData("what division runs each one?", true)]
    [InlineData("ドローンの事業の予算は？", false)]
    public void ADetailAskedOfEach_IsSaidSo(string question, bool each)
    {
        Assert.Equal(each, Interpret(question).AsksOfEach);
    }

    [Theory]
    [InlineData("How many projects have no budget figure listed?")]
    [InlineData("事業費の記載がない事業は？")]
    [InlineData("事業費が入っていない事業は？")] // not filled in
    [InlineData("予算の金額が入ってない事業ってどれ？")]
    [InlineData("予算が空欄の事業")]
    [InlineData("事業費の欄が空欄になってる事業を教えて")] // words between the column and 空欄
    public void NoBudget_IsAFilter(string question)
    {
        Assert.False(Interpret(question).HasBudget);
    }

    [Theory]
    [InlineData("which project got the least money? (not counting ones with no budget)")]
    [InlineData("予算がないものは除いて、一番安い事業は？")]
    public void LeavingOutTheRowsWithoutABudget_KeepsThoseWithOne(string question)
    {
        var q = Interpret(question);

        Assert.True(q.HasBudget);
        Assert.DoesNotContain(q.Terms, t => t.Text is "got" or "counting" or "除く" or "予算");
    }

    [Theory]
    [InlineData("土木部所管の事業のうち、事業費が1,000万円以上のものを教えていただけますか。", "土木部")]
    [InlineData("保健福祉部所管の事業", "保健福祉部")]
    public void Department_GluedByMeCabToTheWordAfterIt_IsStillTheDepartment(string question, string department)
    {
        var q = Interpret(question);

        Assert.Equal([department], q.Departments);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("事業を全部教えて")]
    [InlineData("すべての事業の一覧を見せて")]
    [InlineData("List all projects please")]
    public void EveryProject_AskedForAsSuch_IsSaid(string question)
    {
        var q = Interpret(question);

        Assert.True(q.AsksForEverything);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("教えて")]
    [InlineData("こんにちは")]
    public void AQuestionThatSaysNothing_DoesNotAskForEveryProject(string question)
    {
        Assert.False(Interpret(question).AsksForEverything);
    }

    [Theory]
    [InlineData("警察本部以外の新規事業は？", "警察本部")]
    [InlineData("教育庁を除くタブレットの事業", "教育庁")]
    [InlineData("Which new projects are there other than the police?", "警察本部")]
    [InlineData("How many projects does each department except Planning and Coordination run?", "企画調整部")]
    [InlineData("which tablet projects are not run by the Board of Education?", "教育庁")]
    public void ADepartmentLeftOut_IsExcepted_NotAFilterToIt(string question, string department)
    {
        var q = Interpret(question);

        Assert.Equal([department], q.ExceptDepartments);
        Assert.Empty(q.Departments);
        Assert.True(q.HasFilters);
    }

    [Fact]
    public void ADepartmentWhereTheAskerSaysTheyWillAsk_IsTheirSetting_NotAFilter()
    {
        var q = Interpret("議会で質問したいんですが、数値目標を立てたのに届かなかった事業を全部出してもらえますか");

        Assert.Empty(q.Departments);
        Assert.Equal(AchievementStatus.BelowTarget, q.Achievement & AchievementStatus.BelowTarget);
    }

    [Fact]
    public void ADepartmentLeftOut_BesideOneAskedFor_LeavesTheOneAskedFor()
    {
        var q = Interpret("Which project covers the Enterprise Bureau's accounting system? not the main one run by the Accounting Bureau");

        Assert.Equal(["企業局"], q.Departments);
        Assert.Equal(["出納局"], q.ExceptDepartments);
    }

    [Theory]
    [InlineData("それぞれの事業費と、新規事業かどうかもあわせて教えていただけますか。")]
    [InlineData("Tell me the budget of each and whether it is new")]
    public void WhetherNew_IsAskedOfEachRow_NotAFilter(string question)
    {
        var q = Interpret(question);

        Assert.Null(q.IsNew);
        Assert.True(q.AsksWhetherNew);
        Assert.DoesNotContain(q.Terms, t => t.Text is "合わせる" or "あわせる");
    }

    [Fact]
    public void Filters_OfOneQuestion_AreAllRead()
    {
        var q = Interpret("総務部の電子自治体の事業で、事業費が1000万円以上のもの");

        Assert.Equal(["総務部"], q.Departments);
        Assert.Equal([5], q.Sections);
        Assert.Equal(new BudgetRange(10_000, null), q.Budget);
        Assert.Empty(q.Terms);
        Assert.True(q.HasFilters);
    }

    [Fact]
    public void Filters_EnglishDepartmentAndSection_AreBothRead()
    {
        var q = Interpret("Which Agriculture, Forestry and Fisheries projects are in the e-government and public services pillar?");

        Assert.Equal(["農林水産部"], q.Departments);
        Assert.Equal([5], q.Sections);
        Assert.Empty(q.Terms);
    }

    // ---- conditions in every inflection, and negated

    [Theory]
    [InlineData("目標の数字に届かなかった事業ってどれ？")]
    [InlineData("数値目標を立てていたのに届かなかった事業をすべて挙げてください。")]
    [InlineData("Which projects did not reach their target?")]
    [InlineData("which projects didnt reach their target")] // the apostrophe left out, as chat does
    [InlineData("which ones dont meet the target")]
    public void ATargetNotReached_IsBelowTarget(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AchievementStatus.BelowTarget, q.Achievement);
        Assert.DoesNotContain(q.Terms, t => t.Text is "目標" or "届く" or "数字" or "数値目標");
    }

    [Theory]
    [InlineData("目標を達成できなかった事業ってある？")]
    [InlineData("企画調整部の事業で、うまくいかなかったのってある？")]
    [InlineData("Which projects have not achieved their goals?")]
    public void AGoalNotAchieved_IsBelowTarget_OrNotCarriedOut(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AchievementStatus.BelowTarget | AchievementStatus.NotImplemented, q.Achievement);
        Assert.DoesNotContain(q.Terms, t => t.Text is "目標" or "達成" or "goals");
    }

    [Fact]
    public void CarriedOut_Negated_IsNotImplemented()
    {
        Assert.Equal(AchievementStatus.NotImplemented, Interpret("やるって言ってたのに、全然やってない事業とかってある？").Achievement);
    }

    [Theory]
    [InlineData("新しく始まった事業はいくつある？")]
    [InlineData("今年から新しく始めた事業")]
    public void New_InAnyInflection(string question)
    {
        var q = Interpret(question);

        Assert.True(q.IsNew);
        Assert.DoesNotContain(q.Terms, t => t.Text is "新しい" or "始まる" or "始める");
    }

    [Theory]
    [InlineData("予定していたことができなかった事業は？")]
    [InlineData("計画した取り組みができなかった事業ってある？")]
    public void WhatWasPlannedNotDone_IsBelowTargetOrNotImplemented(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AchievementStatus.BelowTarget | AchievementStatus.NotImplemented, q.Achievement);
        Assert.DoesNotContain(q.Terms, t => t.Text is "予定" or "計画");
    }

    [Theory]
    [InlineData("保健福祉部の事業の予算を全部足すといくら？金額が載ってないものは抜いてかまいません。")]
    [InlineData("ほけんふくしぶの よさん いくら？きんがくが のってないものは ぬいて かまいません。")] // kana respelled on both sides of the ？
    [InlineData("保健福祉部の予算の合計は？金額が載ってないものは抜いてかまいません。部署関係なく全部知りたいんだけど。")] // a filler after the remark
    [InlineData("保健福祉部の予算を全部足すといくら？金額が書かれていないものは除いてけっこうです。")] // 結構 typed in kana
    public void ARemarkOnWhatWouldDo_SetsNoConditionOnTheRows(string question)
    {
        var q = Interpret(question);

        Assert.Null(q.HasBudget);
        Assert.Equal(["保健福祉部"], q.Departments);
    }

    [Theory]
    [InlineData("商工労働部 rows w/ budget > 100M yen?", 100_001L, null)]
    [InlineData("budget >= 500M yen", 500_000L, null)]
    [InlineData("projects with budget < 1M yen", null, 1_000L)]
    public void Budget_ComparisonSigns_AreTheirWords(string question, long? min, long? max)
    {
        var q = Interpret(question);

        Assert.Equal(new BudgetRange(min, max), q.Budget);
        Assert.DoesNotContain(q.Terms, t => t.Text is "rows" or "100m");
    }

    [Theory]
    [InlineData("帰還支援アプリ事業は目標達成できたの？")]
    [InlineData("それって計画どおりにできたの？")]
    [InlineData("観光客の数は目標に届いたの？部署関係なく全部知りたいんだけど。")] // the sentence after it is another's
    public void AConditionAYesNoQuestionAsksOfAProject_IsAskedNotAFilter(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AchievementStatus.None, q.Achievement);
        Assert.Equal(PlanColumn.Achievement, q.AskedColumn);
    }

    [Fact]
    public void AColumnWordBesideAnAskedCondition_IsNoWordToSearch()
    {
        var q = Interpret("観光客の数は目標に届いた？部署関係なく全部知りたい");

        Assert.DoesNotContain(q.Terms, t => t.Text == "部署");
    }

    [Theory]
    [InlineData("目標を達成した事業は？")]
    [InlineData("目標を達成したのはどれ？")]
    [InlineData("電子自治体の事業で未実施のもの")]
    public void AConditionDescribingTheProjects_StaysAFilter(string question)
    {
        var q = Interpret(question);

        Assert.NotEqual(AchievementStatus.None, q.Achievement);
        Assert.Equal(PlanColumn.None, q.AskedColumn);
    }

    [Theory]
    [InlineData("Data journalist here, tallying what Fukushima spends on online video. Which projects actually publish on YouTube?")]
    [InlineData("I'm writing about how much the prefecture spends on IT. Which projects use drones?")]
    public void AColumnWordOfWhatTheAskerSaysOfThemselves_AsksForNoColumn(string question)
    {
        Assert.Equal(PlanColumn.None, Interpret(question).AskedColumn);
    }

    [Theory]
    [InlineData("What was the FY2018 budget for the online store campaign with Amazon and Rakuten?", 2018)]
    [InlineData("平成30年度の税務システムの予算は？", 2018)]
    [InlineData("へいせいさんじゅうねんどの ぜいむしすてむの よさんは？", 2018)]
    [InlineData("来年度の予算の合計は？", 2018)]
    public void OtherYear_TheBudgetOfAYearThePlanDoesNotReport_IsAFilterNoRowPasses(string question, int year)
    {
        var q = Interpret(question);

        Assert.Equal(new OtherFiscalYear(year, 2017), q.OtherYear);
        Assert.True(q.HasFilters);
    }

    [Theory]
    [InlineData("What was the FY2017 budget for the tax system?")] // the plan's own year
    [InlineData("平成29年度の予算の合計は？")]
    [InlineData("平成30年度に繰り越した事業の予算は？")] // when something happened, not whose budget
    [InlineData("2018年度から始まる事業は？")]
    public void OtherYear_ThePlansYear_OrAYearOfSomethingDone_IsNone(string question)
    {
        Assert.Null(Interpret(question).OtherYear);
    }
}
