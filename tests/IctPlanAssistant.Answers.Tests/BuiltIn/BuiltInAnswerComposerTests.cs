using System.Globalization;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.Tests.BuiltIn;

/// <summary>
/// Each shape of built-in answer, composed from real retrieval results: a list, a single fact, an aggregate,
/// the largest, none; in the language of the question, citing only rows it was given, in order of first mention.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class BuiltInAnswerComposerTests(AssistantFixture assistant)
{
    private static string Sum(IEnumerable<PlanRow> rows) => rows.Sum(r => r.BudgetThousandYen ?? 0).ToString("N0", CultureInfo.InvariantCulture);

    private static List<string> Ids(IEnumerable<RowId> ids) => ids.Select(id => id.ToString()).ToList();

    /// <summary>The answer line (list item or lead sentence) that cites a row.</summary>
    private static string LineCiting(Answer answer, string id) =>
        Assert.Single(answer.Text.Split('\n'), l => l.Contains($"[{id}]"));

    // ---- nothing asked

    [Fact]
    public void NothingAsked_CitesNoRowThoughEveryRowMatchesAnEmptyQuestion()
    {
        var (retrieval, answer) = assistant.Compose("教えてください");

        Assert.Equal(103, retrieval.Total);
        Assert.Empty(answer.Citations);
        Assert.True(answer.NoMatch);
    }

    // ---- list

    [Fact]
    public void List_English_CitesExactlyTheHealthAndWelfareTabletRows()
    {
        var (_, answer) = assistant.Compose("Which Health and Welfare projects use tablets?");

        Assert.Equal(["1-2", "3-8"], Ids(answer.Citations));
        Assert.StartsWith("I found 2 projects of 保健福祉部 (Health and Welfare)", answer.Text);
        Assert.False(answer.NoMatch);
    }

    [Fact]
    public void List_EachCitedRow_HasItsNameDepartmentAndBudgetAsPrinted()
    {
        var (_, answer) = assistant.Compose("Which Health and Welfare projects use tablets?");

        foreach (var id in new[] { "1-2", "3-8" })
        {
            var row = AssistantFixture.Row(id);
            var line = LineCiting(answer, id);
            Assert.Contains(row.Name, line);
            Assert.Contains("保健福祉部 (Health and Welfare)", line);
            Assert.Contains($"budget {row.BudgetText} thousand yen", line);
        }
        Assert.Contains("1,943,682", LineCiting(answer, "1-2"));
    }

    [Fact]
    public void List_Japanese_EachCitedRowHasItsNameDepartmentAndBudgetAsPrinted()
    {
        var (_, answer) = assistant.Compose("保健福祉部でタブレットを使っている事業は？");

        Assert.Equal(["1-2", "3-8"], Ids(answer.Citations));
        Assert.StartsWith("保健福祉部の「タブレット」に関する事業は2件です。", answer.Text);
        foreach (var id in answer.Citations.Select(c => c.ToString()))
        {
            var row = AssistantFixture.Row(id);
            Assert.Contains($"**{row.Name}**（保健福祉部、事業費 {row.BudgetText}千円）[{id}]", answer.Text);
        }
    }

    [Fact]
    public void List_ARowWithoutABudget_SaysSoInsteadOfAFigure()
    {
        var (_, answer) = assistant.Compose("議会事務局の事業は？");

        Assert.Contains("事業費 —（記載なし）", LineCiting(answer, "5-18"));
        Assert.Contains("事業費 1,230千円", LineCiting(answer, "5-28"));
    }

    [Fact]
    public void List_OfAFilter_CitesEveryRowThatPassed()
    {
        var (retrieval, answer) = assistant.Compose("事業費が１００万円未満の事業を全部あげて");

        Assert.Equal(["3-4", "3-5", "3-7", "4-10", "5-7", "5-10", "5-26"], Ids(answer.Citations));
        Assert.Equal(Ids(retrieval.Rows.Select(r => r.Row.Id)), Ids(answer.Citations));
    }

    [Fact]
    public void List_QuotesTheFigureThatAnswersTheQuestion()
    {
        var (_, answer) = assistant.Compose("看護職ナビ アクセス数");

        Assert.Equal("1-11", Ids(answer.Citations)[0]);
        Assert.Contains("17,920", answer.Text);
    }

    [Theory]
    [InlineData("What does the police do with IT?", "警察本部")]
    [InlineData("生活環境部ってICT関係で何かやってる？", "生活環境部")]
    [InlineData("教育庁はITで何してるの？", "教育庁")]
    public void List_TheWholePlansTopicBesideADepartment_ListsTheDepartmentsRows(string question, string department)
    {
        // The plan is about ICT (IT): beside a department the topic narrows nothing.
        var (_, answer) = assistant.Compose(question);

        var rows = AssistantFixture.PlanRows.Where(r => r.Department == department).Select(r => r.Id.ToString()).Order().ToList();
        Assert.Equal(rows, answer.About.Select(id => id.ToString()).Order().ToList());
    }

    // ---- single fact

    [Fact]
    public void Fact_HowManyUnits_QuotesTheSentenceWithTheFigure()
    {
        var (_, answer) = assistant.Compose("家屋評価のしすてむ、なんだい入れた？");

        Assert.Equal(["5-26"], Ids(answer.Citations));
        var quote = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains("25台"));
        Assert.Contains(quote[2..], AssistantFixture.Row("5-26").Results + AssistantFixture.Row("5-26").Summary + AssistantFixture.Row("5-26").Achievement);
    }

    [Fact]
    public void Fact_HowManyComparedWithTheGoal_QuotesTheRowThatStatesATargetAndAResult()
    {
        // 1-9 (tourism by AR) counts people too (368名), but only 2-8 states a target and what was reached.
        var (_, answer) = assistant.Compose("How many tourists actually came to Fukushima in 2017 compared with the goal?");

        Assert.Equal(["2-8"], Ids(answer.Citations));
        Assert.Contains("52,763", answer.Text);
    }

    [Fact]
    public void Fact_WhichDay_QuotesTheSentenceWithTheDay()
    {
        var (_, answer) = assistant.Compose("感染症の情報を医療機関に送るニュースレター、何曜日に出してる？");

        Assert.Equal(["3-7"], Ids(answer.Citations));
        Assert.Contains(answer.Text.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains("水曜日"));
    }

    [Fact]
    public void Fact_WhichDay_AsTwoKeywords_QuotesTheSentenceWithTheDay()
    {
        var (_, answer) = assistant.Compose("ニュースレター 何曜日");

        Assert.Equal(["3-7"], Ids(answer.Citations));
        Assert.Contains(answer.Text.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains("水曜日"));
    }

    [Theory]
    [InlineData("ふくしまICT未来フェア2017には何人来た？", "4-4", "896")]
    [InlineData("How much did the SME machinery lending program lend in FY2017?", "2-2", "227,424")]
    [InlineData("What share of schools had websites on Net Commons by the end of FY2017?", "4-10", "83.6")]
    [InlineData("携帯電話の通話エリアの整備は何地区で実施した？", "4-15", "4地区")]
    public void Fact_TheQuotedSentenceHoldsTheFigure(string question, string id, string figure)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.Equal(id, Ids(answer.Citations)[0]);
        Assert.Contains(answer.Text.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains(figure));
    }

    [Theory]
    [InlineData("緊急時連絡網管理 budget?", "3-17")]
    [InlineData("防災事務連絡システムの予算はいくら？", "3-15")]
    public void Fact_AboutAProjectNamedInFull_IsAboutThatProjectAlone(string question, string id)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.Equal([id], Ids(answer.Citations));
    }

    [Theory]
    [InlineData("What's the FY2018 budget for the tax system upgrade?", "FY2017")]
    [InlineData("平成30年度の税務システムの予算は？", "2017年度")]
    public void Budget_OfAYearThePlanDoesNotReport_SaysWhichYearItReports_AndCitesNothing(string question, string planYear)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.Empty(answer.Citations);
        Assert.Contains(planYear, answer.Text);
    }

    [Fact]
    public void Fact_HowManyUnits_IsAnsweredByTheRowThatStatesThem_NotTheRowNamedAfterTheThing()
    {
        // 1-1 is named ウェブカメラ整備事業 and ranks first; 3-20 says ライブカメラを新規に8台追加した.
        var (_, answer) = assistant.Compose("ライブカメラは何台増えたの？");

        Assert.Equal(["3-20"], Ids(answer.Citations));
        Assert.Contains(answer.Text.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal) && l.Contains("8台"));
    }

    [Fact]
    public void Fact_ResultsThatPointToTheCellBeside_AlsoQuoteThatCell()
    {
        // 2-8's 実績等 says 左記のとおり: the figures are in its 目標達成状況.
        var (_, answer) = assistant.Compose("観光客の入込の目標と実績は？");

        Assert.Equal("2-8", Ids(answer.Citations)[0]);
        Assert.Contains("52,763千人", answer.Text);
    }

    [Fact]
    public void Fact_ResultsThatPointToTheCellBesideInALaterSentence_AlsoQuoteThatCell()
    {
        // 1-13's 実績等 ends 売上実績は先のとおり: the sales figure is in its 目標達成状況.
        var (_, answer) = assistant.Compose("オンラインストアのキャンペーン、売上の実績はどうだった？");

        Assert.Equal("1-13", Ids(answer.Citations)[0]);
        Assert.Contains("15億4千万円", answer.Text);
    }

    [Theory]
    [InlineData("携帯の電波が入らないところ、去年どこの村で工事したの？")]
    [InlineData("which villages got the new mobile phone towers?")]
    public void Fact_WhichMunicipality_QuotesTheSentenceNamingThem(string question)
    {
        // 4-15's results end 整備地域 鮫川村2地区 下郷村1地区 飯館村1地区; its summary's 市町村 names none.
        var (_, answer) = assistant.Compose(question);

        Assert.Equal(["4-15"], Ids(answer.Citations));
        Assert.Contains("鮫川村", answer.Text);
    }

    [Fact]
    public void Fact_English_IsWrittenInEnglishAroundTheQuotedPlan()
    {
        var (_, answer) = assistant.Compose("How much did the SME machinery lending program lend in FY2017?");

        Assert.Contains("The plan reports:", answer.Text);
        Assert.Contains("thousand yen", answer.Text);
        Assert.DoesNotContain("について、計画には", answer.Text);
    }

    // ---- aggregates

    [Fact]
    public void Sum_OfADepartment_IsExactAndCitesEveryRowSummed()
    {
        var (_, answer) = assistant.Compose("農林水産部の事業費の合計は？");

        var rows = AssistantFixture.PlanRows.Where(r => r.Department == "農林水産部").ToList();
        Assert.Contains($"**{Sum(rows)}千円**", answer.Text);
        Assert.Equal("2,375,467", Sum(rows));
        Assert.Equal(rows.Select(r => r.Id.ToString()).Order(), Ids(answer.Citations).Order());
        Assert.All(rows.Where(r => r.BudgetThousandYen is not null), r => Assert.Contains($"{r.BudgetText}千円）[{r.Id}]", answer.Text));
    }

    [Fact]
    public void Sum_WithRowsWithoutABudget_SaysHowManyAreLeftOutAndStillCitesThem()
    {
        var (_, answer) = assistant.Compose("危機管理部の事業費を全部足すといくら？");

        Assert.Contains("**1,943,959千円**", answer.Text);
        Assert.Contains("事業費が記載された7件の合計", answer.Text);
        Assert.Contains("合計に含まれない事業が3件", answer.Text);
        Assert.Equal(10, answer.Citations.Count);
        Assert.Equal(["1-1", "3-14", "3-15", "3-16", "3-17", "3-18", "3-23", "3-11", "3-12", "3-13"], Ids(answer.Citations));
    }

    [Fact]
    public void Sum_English_StatesTheFigureInThousandYen()
    {
        var (_, answer) = assistant.Compose("What is the total budget of the Board of Education projects?");

        var rows = AssistantFixture.PlanRows.Where(r => r.Department == "教育庁").ToList();
        Assert.Contains($"**{Sum(rows)} thousand yen**", answer.Text);
        Assert.Contains("841,999", answer.Text);
        Assert.Equal(rows.Count, answer.Citations.Count);
    }

    [Fact]
    public void Count_English_NoBudgetFigure_IsNineWithNineCitations()
    {
        var (_, answer) = assistant.Compose("How many projects have no budget figure listed?");

        Assert.StartsWith("There are **9** projects with no budget figure.", answer.Text);
        Assert.Equal(9, answer.Citations.Count);
        Assert.Equal(AssistantFixture.PlanRows.Where(r => r.BudgetThousandYen is null).Select(r => r.Id.ToString()), Ids(answer.Citations));
    }

    [Fact]
    public void Count_Japanese_StatesTheCountAndCitesEveryRowCounted()
    {
        var (_, answer) = assistant.Compose("企画調整部が持ってる事業の数を数えて");

        Assert.Contains("**15件**", answer.Text);
        Assert.Equal(15, answer.Citations.Count);
    }

    [Fact]
    public void Largest_CitesOnlyTheLargestRowWithItsBudget()
    {
        var (_, answer) = assistant.Compose("人材・基盤の育成、強化の柱で事業費が最も多いのはどれ？");

        Assert.Equal(["4-6"], Ids(answer.Citations));
        Assert.Contains("事業費 353,422千円", answer.Text);
        Assert.Contains("最も多い", answer.Text);
    }

    [Fact]
    public void Smallest_English()
    {
        var (_, answer) = assistant.Compose("Which project has the smallest budget?");

        Assert.Equal(["3-5"], Ids(answer.Citations));
        Assert.Contains("the smallest budget is **点字即時情報ネットワーク事業**", answer.Text);
        Assert.Contains("26 thousand yen", answer.Text);
    }

    // ---- none

    [Theory]
    [InlineData("ドクターヘリの運航を支援する事業ある？")]
    [InlineData("オンライン診療を広める事業はある？")]
    public void None_Japanese_SaysNothingWasFoundAndCitesNothing(string question)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.Contains("見つかりませんでした", answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.CitedRows);
        Assert.True(answer.NoMatch);
        Assert.DoesNotMatch(@"\[\d+-\d+\]", answer.Text);
    }

    [Theory]
    [InlineData("Is there a smart meter or smart grid project?")]
    [InlineData("Is there a project on blockchain?")]
    public void None_English_SaysNoMatchingProjectAndCitesNothing(string question)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.StartsWith("No matching project", answer.Text);
        Assert.Empty(answer.Citations);
        Assert.True(answer.NoMatch);
    }

    // ---- what every answer keeps to

    public static TheoryData<string> Questions =>
    [
        "Which Health and Welfare projects use tablets?",
        "タブレットを使っている事業は？",
        "危機管理部 災害対策課 システム",
        "What support is there for small and medium-sized businesses?",
        "会計のシステムを運用したり改修したりしてる事業を教えて",
        "農林水産部の事業費の合計は？",
        "危機管理部の事業費を全部足すといくら？",
        "How many projects have no budget figure listed?",
        "家屋評価のしすてむ、なんだい入れた？",
        "ラミセスって何？どこの課の事業？",
        "Which projects deal with ballistic missile alerts?",
        "人材・基盤の育成、強化の柱で事業費が最も多いのはどれ？",
        "Which projects use IT?",
        "新規事業は全部で何件？",
        "ドクターヘリの運航を支援する事業ある？",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void EveryCitation_IsARetrievedRow(string question)
    {
        var (retrieval, answer) = assistant.Compose(question);

        var retrieved = retrieval.Rows.Select(r => r.Row.Id).ToHashSet();
        var aggregated = retrieval.Aggregate.Rows.Select(r => r.Id).ToHashSet();
        Assert.All(answer.Citations, id => Assert.True(retrieved.Contains(id) || aggregated.Contains(id), $"{id} was not retrieved"));
        Assert.All(answer.Citations, id => Assert.Contains(id, answer.Retrieved.Concat(aggregated)));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Citations_AreInOrderOfFirstMentionAndMatchTheCitedRows(string question)
    {
        var (_, answer) = assistant.Compose(question);

        Assert.Equal(AssistantFixture.CitedInTextOrder(answer.Text), Ids(answer.Citations));
        Assert.Equal(Ids(answer.Citations), Ids(answer.CitedRows.Select(r => r.Id)));
        Assert.All(answer.CitedRows, r => Assert.Contains(r.Name, answer.Text));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Answer_IsInTheLanguageOfTheQuestion(string question)
    {
        var (_, answer) = assistant.Compose(question);

        var japaneseQuestion = question.Any(c => c >= 0x3040);
        // Row names stay Japanese in English answers; the sentences around them follow the question.
        var japaneseSentences = new[] { "です", "ます", "見つかりませんでした" }.Any(answer.Text.Contains);
        var englishSentences = new[] { "I found", "There are", "The total budget", "budget is", "The plan reports", "No matching project" }.Any(answer.Text.Contains);
        Assert.Equal(japaneseQuestion, japaneseSentences);
        Assert.Equal(!japaneseQuestion, englishSentences);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Retrieved_IsTheRankedRowsOfTheTurn(string question)
    {
        var (retrieval, answer) = assistant.Compose(question);

        Assert.Equal(retrieval.Rows.Select(r => r.Row.Id), answer.Retrieved);
        Assert.True(answer.Retrieved.Count <= 20);
        Assert.Equal(question, answer.Question);
        Assert.Equal(AnswerSource.BuiltIn, answer.Source);
    }

    [Fact]
    public void FollowUps_AreOfferedInTheLanguageOfTheQuestion()
    {
        Assert.All(assistant.Compose("Which Police projects are there?").Answer.FollowUps, f => Assert.DoesNotMatch(@"[\u3040-\u30FF]", f));
        Assert.All(assistant.Compose("警察本部の事業は？").Answer.FollowUps, f => Assert.Matches(@"[\u3040-\u30FF]", f));
    }

    // ---- a detail quotes the cell asked about

    [Fact]
    public void Fact_HowDidItTurnOut_QuotesTheResultsCell()
    {
        var (_, answer) = assistant.Compose("帰還支援アプリの結果はどうだった？");

        var row = AssistantFixture.Row(Assert.Single(answer.Citations).ToString());
        Assert.Contains("> 実績等: ", answer.Text);
        Assert.Contains(FactSentences.Sentences(row.Results).First(), answer.Text);
    }

    [Fact]
    public void Fact_DidItReachItsTarget_QuotesTheAchievementCell()
    {
        var (_, answer) = assistant.Compose("携帯電話通話エリア広域ネットワーク化事業は目標達成できたの？");

        Assert.Equal(["4-15"], Ids(answer.Citations));
        Assert.Contains("> 目標達成状況: 13地区の整備目標に対し4地区を実施", answer.Text);
    }

    [Fact]
    public void Fact_WhichDepartment_NamesTheDepartmentOfTheRow()
    {
        var (_, answer) = assistant.Compose("ドローンを使ってるのはどこの部署？");

        Assert.Equal(["3-22"], Ids(answer.Citations));
        Assert.Contains("土木部", answer.Text);
    }
}
