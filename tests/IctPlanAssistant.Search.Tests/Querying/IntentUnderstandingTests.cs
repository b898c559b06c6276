using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>What a question asks for (a list, a count, a sum, the largest or smallest, a detail) and the unit of the figure.</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class IntentUnderstandingTests(BundledIndexFixture index)
{
    private QueryInterpretation Interpret(string question) => index.Interpreter.Interpret(question);

    [Theory]
    [InlineData("タブレットを使っている事業は？")]
    [InlineData("Which projects use tablets?")]
    [InlineData("保健福祉部の事業")]
    public void List_IsTheDefault(string question)
    {
        Assert.Equal(AnswerIntent.List, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("企画調整部が持ってる事業の数を数えて")]
    [InlineData("保健福祉部の事業はいくつある？")]
    [InlineData("新規事業は全部で何件？")]
    [InlineData("How many projects have no budget figure listed?")]
    [InlineData("How many Police projects are there?")]
    public void Count(string question)
    {
        Assert.Equal(AnswerIntent.Count, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("防災の事業は何件？", AnswerIntent.Count)]
    [InlineData("防災に関係する事業は全部で何件ありますか", AnswerIntent.Count)]
    [InlineData("ぼうさいの じぎょうは なんけん？", AnswerIntent.Count)]
    [InlineData("ロボットを使ってるものはいくつある？", AnswerIntent.Count)]
    [InlineData("ホームページのアクセスは何件？", AnswerIntent.Fact)]
    [InlineData("ドローンは何台？", AnswerIntent.Fact)]
    public void ACount_OfProjects_CountsThem_WhileACountOfAnythingElse_AsksAFigure(string question, AnswerIntent intent)
    {
        Assert.Equal(intent, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("土木部と企画調整部の事業をあわせると何件になりますか", AnswerIntent.Count)]
    [InlineData("土木部と企画調整部の事業をあわせるといくら？", AnswerIntent.Sum)]
    [InlineData("How many projects does the Information Policy Division handle, and what do they add up to?", AnswerIntent.Sum)]
    public void PuttingTogether_AddsUpWhatIsAsked_ACountOrMoney(string question, AnswerIntent intent)
    {
        Assert.Equal(intent, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("マイナンバーとか番号制度に関係ある事業ってどれ？部署関係なく全部知りたいんだけど。")]
    [InlineData("Which projects use drones? Any department is fine!")]
    public void AWordThatAsks_InTheSentenceBefore_DoesNotMakeAColumnOfTheNextOneAsked(string question)
    {
        var q = Interpret(question);

        Assert.Equal(PlanColumn.None, q.AskedColumn);
        Assert.Equal(AnswerIntent.List, q.Intent);
    }

    [Fact]
    public void Its_IsNoPluralOfIt_AboutItsCampaignAsksNoSummary()
    {
        Assert.Equal(PlanColumn.None, Interpret("The prefecture made a lot of noise about its YouTube campaign. How many times were its videos played?").AskedColumn);
        Assert.Contains(Interpret("What was the budget for replacing teachers' PCs?").Terms, t => t.Alternatives.Contains("PC"));
    }

    [Fact]
    public void HowManyOfSomethingElse_AsksAFigureInAnyUnitACountIsWrittenIn()
    {
        var q = Interpret("How many views did the governor's press conferences get?");

        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Contains("回", q.AnswerUnits);
        Assert.Contains("人", q.AnswerUnits);
        Assert.DoesNotContain("円", q.AnswerUnits);
    }

    [Theory]
    [InlineData("which division has the most projects?")]
    [InlineData("一番事業が多い課はどこ？")]
    [InlineData("ドローンやロボットの事業が一番多い課は？")]
    [InlineData("事業を一番たくさん持ってる課は？")]
    public void TheDivisionWithTheMost_IsAskedAbout_NotTheDepartment(string question)
    {
        Assert.Equal(AnswerIntent.MostProjectsByDivision, Interpret(question).Intent);
    }

    [Fact]
    public void PerDivision_IsNoWordToSearch()
    {
        var q = Interpret("課単位で見たら一番たくさん事業を持ってる課ってどこ？何件？");

        Assert.Equal(AnswerIntent.MostProjectsByDivision, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("Which projects report web site traffic, like access counts, in their results?", AnswerIntent.List)]
    [InlineData("Count the projects of the police", AnswerIntent.Count)]
    public void Counts_AsAThingReported_AreNoCountOfProjects(string question, AnswerIntent intent)
    {
        Assert.Equal(intent, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("福島県の女性プログラマの育成塾は、何名が受講されたのでしょうか。あわせて所管の部署もお教えください。", AnswerIntent.Fact)]
    [InlineData("それぞれの事業費と、新規事業かどうかもあわせて教えていただけますか。", AnswerIntent.List)]
    public void AlsoTellMe_あわせて_IsNoSum(string question, AnswerIntent intent)
    {
        Assert.Equal(intent, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("事業が一番多い部署はどこ？")]
    [InlineData("新規事業が一番多い部局は？")]
    [InlineData("一番たくさん事業を持ってる部署は？")]
    [InlineData("Which department has the most projects?")]
    [InlineData("sec 5 - which bu has the most jigyo?")] // romaji shorthand in Teams
    public void TheDepartmentWithTheMost_IsAskedAbout_NotABudget(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AnswerIntent.MostProjects, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Fact]
    public void FallUnder_IsNoWordToSearch()
    {
        var q = Interpret("How many projects fall under the disaster-prevention pillar?");

        Assert.Equal(AnswerIntent.Count, q.Intent);
        Assert.Equal([3], q.Sections);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("農林水産部の事業費の合計は？")]
    [InlineData("危機管理部の事業費を全部足すといくら？")]
    [InlineData("What is the total budget of the Board of Education projects?")]
    [InlineData("How much do the Police projects cost altogether?")]
    [InlineData("can you add those up?")]
    public void Sum(string question)
    {
        Assert.Equal(AnswerIntent.Sum, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("人材・基盤の育成、強化の柱で事業費が最も多いのはどれ？")]
    [InlineData("土木部の事業で事業費が一番大きいのはどれ？")]
    [InlineData("Which project has the largest budget?")]
    [InlineData("What is the most expensive Police project?")]
    public void Largest(string question)
    {
        Assert.Equal(AnswerIntent.Largest, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("事業費が最も少ない事業は？")]
    [InlineData("Which project has the smallest budget?")]
    [InlineData("the cheapest Health and Welfare project")]
    [InlineData("予算が少ない順に並べて")]
    [InlineData("いちばん安上がりな事業ってどれ？")]
    [InlineData("いちばん やすあがりな じぎょう")]
    public void Smallest(string question)
    {
        Assert.Equal(AnswerIntent.Smallest, Interpret(question).Intent);
    }

    [Theory]
    [InlineData("一番達成率が低いのは？", RowSort.AchievementRateAscending)]
    [InlineData("達成率が一番高い事業は？", RowSort.AchievementRateDescending)]
    [InlineData("which project has the lowest achievement rate?", RowSort.AchievementRateAscending)]
    [InlineData("その中で、目標からいちばん遠かったのは？", RowSort.AchievementRateAscending)] // furthest from the target: the phrase names it
    [InlineData("which of those was furthest from the target?", RowSort.AchievementRateAscending)]
    [InlineData("一番予算が低いのは？", RowSort.BudgetAscending)] // the budget named: its order
    [InlineData("目標を達成した事業で一番安いのは？", RowSort.BudgetAscending)] // achievement as a condition, not the order
    public void ASuperlativeOfTheShareOfTheTargetReached_OrdersByIt(string question, RowSort order)
    {
        Assert.Equal(order, Interpret(question).Order);
    }

    [Theory]
    [InlineData("予算が2番目に大きい事業は？", AnswerIntent.Largest, 2)]
    [InlineData("教育庁で三番目に安い事業", AnswerIntent.Smallest, 3)]
    [InlineData("what's the second cheapest project?", AnswerIntent.Smallest, 2)]
    [InlineData("And the runner-up?", AnswerIntent.Largest, 2)]
    [InlineData("一番予算が大きい事業は？", AnswerIntent.Largest, 1)]
    public void Ranking_ReadsThePlaceInTheOrderAskedFor(string question, AnswerIntent intent, int place)
    {
        var q = Interpret(question);

        Assert.Equal(intent, q.Intent);
        Assert.Equal(place, q.RankPlace);
    }

    [Theory]
    [InlineData("予算が少ない順に3つ教えて", 3)]
    [InlineData("教育庁で予算が大きい順に上位5件", 5)]
    [InlineData("事業費が多い順に三つ", 3)]
    [InlineData("What are the 3 most expensive projects?", 3)]
    [InlineData("top 4 projects by budget, largest first", 4)]
    [InlineData("柱3で一番安い事業は？", 1)]
    [InlineData("3億円以上で一番高い事業は？", 1)]
    [InlineData("予算が大きい順に50件", RankCount.Max)]
    [InlineData("top 3 by budget", 3)] // top … by budget: the order without largest or biggest
    [InlineData("予算トップ3は？", 3)]
    [InlineData("予算の上位5件", 5)]
    [InlineData("Which three e-government projects got the most money?", 3)] // a number in words, words between it and projects
    [InlineData("what are the five cheapest projects", 5)]
    [InlineData("which one has the biggest budget?", 1)]
    [InlineData("What's the single biggest budget line in the whole plan?", 1)] // a budget line is a project, not the LINE app or a 回線
    public void Ranking_ReadsHowManyRowsOfTheOrderAreAskedFor(string question, int count)
    {
        var q = Interpret(question);

        Assert.Equal(count, q.RankCount);
        Assert.DoesNotContain(q.Terms, t => t.Text is "line" or "three" or "five");
        Assert.True(q.Intent is AnswerIntent.Largest or AnswerIntent.Smallest);
    }

    [Theory]
    [InlineData("家屋評価のしすてむ、なんだい入れた？", "台")]
    [InlineData("家屋評価システムは何台導入した？", "台")]
    [InlineData("感染症の情報を医療機関に送るニュースレター、何曜日に出してる？", "曜日")]
    [InlineData("ニュースレター 何曜日", "曜日")]
    [InlineData("ふくしまICT未来フェア2017には何人来た？", "人")]
    [InlineData("さかなとか かいの けんさ なんてん のってたの", "点")]
    [InlineData("How many dispatches were there?", "回")]
    [InlineData("What share of schools had websites on Net Commons by the end of FY2017?", "%")]
    [InlineData("携帯電話の通話エリアの整備は何地区で実施した？", "地区")]
    [InlineData("J-ALERTでミサイルの情報を受信したのは何日？", "日")]
    [InlineData("on which dates?", "日")]
    [InlineData("オンラインストアの販売促進に参加したのは何事業者？", "事業者")] // businesses, not a count of projects (何事業)
    [InlineData("ドローンは何機くらい配ったの？", "機")] // 何 and a counter no glossary phrase names
    [InlineData("会議録は何冊ある？", "冊")]
    public void Fact_WithTheUnitOfTheFigureAsked(string question, string unit)
    {
        var q = Interpret(question);

        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Contains(unit, q.AnswerUnits);
    }

    [Fact]
    public void ManyOfACounter_何年も_AsksNoFigure()
    {
        Assert.Equal(AnswerIntent.List, Interpret("避難してもう何年もたちます。避難者向けのアプリはある？").Intent);
    }

    [Theory]
    [InlineData("ラミセスって何？どこの課の事業？")]
    [InlineData("Which division handles J-ALERT?")]
    public void Fact_WithoutAUnit(string question)
    {
        var q = Interpret(question);

        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.Empty(q.AnswerUnits);
    }

    [Fact]
    public void Fact_HowManyOfAThing_IsADetailNotACount()
    {
        // "how many" before a thing the plan counts (materials) asks for a figure of a project, not for a number of projects.
        var q = Interpret("How many new materials were registered in the museum database?");

        Assert.Equal(AnswerIntent.Fact, q.Intent);
    }

    [Fact]
    public void IntentWords_AreNotSearched()
    {
        var q = Interpret("農林水産部の事業費の合計は？");

        Assert.Empty(q.Terms);
        Assert.Equal(["農林水産部"], q.Departments);
    }

    // ---- superlatives in any phrasing, and the column a question asks about

    [Theory]
    [InlineData("一番予算が大きい事業は？", AnswerIntent.Largest)]
    [InlineData("一番お金がかかってる事業ってどれ？", AnswerIntent.Largest)]
    [InlineData("保健福祉部の中で一番お金かけてるのは？", AnswerIntent.Largest)] // to spend money on: かける
    [InlineData("いちばん事業費が多いのは？", AnswerIntent.Largest)]
    [InlineData("最も予算が少ない事業は？", AnswerIntent.Smallest)]
    [InlineData("What's the cheapest project in the whole plan?", AnswerIntent.Smallest)]
    [InlineData("Which is the most expensive project?", AnswerIntent.Largest)]
    public void Superlative_InAnyPhrasing_OrdersByBudget(string question, AnswerIntent intent)
    {
        var q = Interpret(question);

        Assert.Equal(intent, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("一番お金がかかっていない事業は？", AnswerIntent.Smallest)]
    [InlineData("いちばん おかねが かかって いない じぎょうは？", AnswerIntent.Smallest)]
    [InlineData("一番お金を使っていない事業は何ですか", AnswerIntent.Smallest)]
    [InlineData("一番お金を使っている事業は？", AnswerIntent.Largest)]
    [InlineData("最も予算が少なくない事業", AnswerIntent.Largest)]
    public void Superlative_Negated_IsItsOpposite(string question, AnswerIntent intent)
    {
        var q = Interpret(question);

        Assert.Equal(intent, q.Intent);
        Assert.Empty(q.Terms);
    }

    [Theory]
    [InlineData("ドローンを使ってるのはどこの部署？", PlanColumn.Department)]
    [InlineData("ラミセスはどこの課の事業？", PlanColumn.Divisions)]
    [InlineData("帰還支援アプリの結果はどうだった？", PlanColumn.Results)]
    [InlineData("携帯電話のやつはなんでできなかったの？", PlanColumn.Results)]
    [InlineData("Why did the mobile phone coverage project fall behind?", PlanColumn.Results)]
    [InlineData("福祉助成のメールマガジンはなぜ発行されなかったの？", PlanColumn.Results)]
    [InlineData("牛の種付けの時期をICTで予測するやつ、どこまですすんだの？", PlanColumn.Results)] // how far it got
    [InlineData("飼料用米のマッチングサイト、流通量は増えた？", PlanColumn.Results)]
    [InlineData("牛の授精時期を予測するシステム、29年度はどうなりました？", PlanColumn.Results)] // the polite form
    [InlineData("身体障害者手帳のシステムって29年度は何やったの？", PlanColumn.Results)]
    [InlineData("Which division runs the drone project?", PlanColumn.Divisions)]
    [InlineData("緊急時連絡網管理 budget?", PlanColumn.Budget)] // a bare phrase ending in the column
    [InlineData("drone project budget?", PlanColumn.Budget)]
    [InlineData("観光のやつ、目標と実際の数字を教えて", PlanColumn.Achievement)] // the figures of the column, named with の
    [InlineData("tourism one - how far off?", PlanColumn.Achievement)] // how far off the target
    [InlineData("How many tourists came in 2017 compared with the goal?", PlanColumn.Achievement)] // a comparison asks wherever it stands
    public void AColumnAskedAbout_MakesADetailQuestionQuotingThatCell(string question, PlanColumn column)
    {
        var q = Interpret(question);

        Assert.Equal(column, q.AskedColumn);
        Assert.Equal(AnswerIntent.Fact, q.Intent);
        Assert.DoesNotContain(q.Terms, t => t.Text is "部署" or "課" or "結果" or "division" or "なんで" or "why" or "なぜ");
    }

    [Theory]
    [InlineData("ドローンを使ってる事業を部署関係なく全部知りたい")]
    [InlineData("Which projects of the PR division are under the reconstruction pillar?")]
    [InlineData("projects that fell short of their targets")] // no bare phrase: the column word is the verb's object
    public void AColumnMerelyMentioned_IsNeitherAskedNorSearched(string question)
    {
        var q = Interpret(question);

        Assert.Equal(PlanColumn.None, q.AskedColumn);
        Assert.Equal(AnswerIntent.List, q.Intent);
    }
}
