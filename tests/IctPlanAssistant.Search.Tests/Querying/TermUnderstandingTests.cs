using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>
/// The words a question is about: English through the glossary, filler removed, acronyms, orthographic variants,
/// widths, loanwords typed in hiragana, and words joined by や into one group of alternatives.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class TermUnderstandingTests(BundledIndexFixture index)
{
    private QueryInterpretation Interpret(string question) => index.Interpreter.Interpret(question);

    private TermGroup OnlyTerm(string question) => Assert.Single(Interpret(question).Terms);

    [Theory]
    [InlineData("tablet", "タブレット", "iPad")]
    [InlineData("drone", "ドローン", "ドローン")]
    [InlineData("website", "ホームページ", "HP")]
    [InlineData("video", "動画", "映像")]
    [InlineData("robot", "ロボット", "ロボット")]
    [InlineData("company", "企業", "企業")]
    [InlineData("web cams", "カメラ", "ライブカメラ")]
    [InlineData("other languages", "多言語", "英語")]
    [InlineData("あいぱっど", "タブレット", "iPad")] // iPad in katakana, typed in hiragana
    public void English_DomainTermThroughTheGlossary(string word, string first, string alsoSearched)
    {
        var term = OnlyTerm(word);

        Assert.Equal(first, term.Alternatives[0]);
        Assert.Contains(alsoSearched, term.Alternatives);
        Assert.Equal(TermKind.Word, term.Kind);
    }

    [Fact]
    public void English_GoLive_IsWhatAProjectDoes_NotAWordToMatch()
    {
        var q = Interpret("when did the one-stop service (OSS) for car ownership paperwork go live?");

        var live = Assert.Single(q.Terms, t => t.Alternatives.Contains("運用開始"));
        Assert.Equal(TermKind.Verb, live.Kind);
        Assert.DoesNotContain(q.Terms, t => t.Text == "live");
    }

    [Fact]
    public void English_StreamingLive_WithWordsBetween_IsOneTerm()
    {
        var q = Interpret("Which project is the one that streams the prefectural assembly sessions live on the web?");

        Assert.Contains(q.Terms, t => t.Alternatives.Contains("生中継"));
        Assert.DoesNotContain(q.Terms, t => t.Text == "live");
    }

    [Theory]
    [InlineData("tablets", "タブレット")]
    [InlineData("robots", "ロボット")]
    [InlineData("homepages", "ホームページ")]
    [InlineData("companies", "企業")]
    public void English_PluralFindsTheSameTerm(string word, string first)
    {
        Assert.Equal(first, OnlyTerm(word).Alternatives[0]);
    }

    [Theory]
    [InlineData("camera", "cameras")]
    [InlineData("bus", "buses")]
    [InlineData("facility", "facilities")]
    [InlineData("library", "libraries")]
    public void PhraseMatcher_FindsAnEnglishPhraseInThePlural(string phrase, string written)
    {
        var matcher = new PhraseMatcher<int>([(phrase, 1)]);
        var query = new QueryText($"the {written} of the city", MeCabModel.Shared);

        var match = Assert.Single(matcher.FindAll(query));

        Assert.Equal(written, query.Text[match.Start..match.End]);
    }

    [Fact]
    public void PhraseMatcher_DoesNotFindAWordInsideALongerWord()
    {
        var matcher = new PhraseMatcher<int>([("net", 1), ("ネット", 2)]);

        Assert.Empty(matcher.FindAll(new QueryText("network ネットワーク", MeCabModel.Shared)));
    }

    [Theory]
    [InlineData("Which projects use tablets?")]
    [InlineData("Please tell me about the projects that use tablets.")]
    [InlineData("Are there any projects using tablets?")]
    [InlineData("タブレットを使っている事業を教えてください")]
    [InlineData("タブレットってある？")]
    public void Filler_IsRemovedInBothLanguages(string question)
    {
        Assert.Equal("タブレット", OnlyTerm(question).Alternatives[0]);
    }

    [Theory]
    [InlineData("Which projects use IT?")]
    [InlineData("ITを活用した観光の事業")]
    public void Acronym_InCapitals_IsTheGlossaryTerm(string question)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Alternatives.Contains("IT"));
    }

    [Fact]
    public void Acronym_InLowerCase_IsAnOrdinaryWord()
    {
        var q = Interpret("Is it a project about drones?");

        Assert.DoesNotContain(q.Terms, t => t.Alternatives.Contains("IT"));
        Assert.Equal("ドローン", Assert.Single(q.Terms).Alternatives[0]);
    }

    [Theory]
    [InlineData("iPad", "タブレット")]
    [InlineData("タブレット", "iPad")]
    [InlineData("HP", "ホームページ")]
    [InlineData("ホームページ", "HP")]
    [InlineData("Web", "ウェブ")]
    [InlineData("ウェブ", "Web")]
    public void Variant_SearchesTheOtherSpellingToo(string written, string alsoSearched)
    {
        Assert.Contains(alsoSearched, OnlyTerm(written).Alternatives);
    }

    [Fact]
    public void Width_FullWidthLettersReadAsHalfWidth()
    {
        var full = OnlyTerm("ＩＣＴ");
        var half = OnlyTerm("ICT");

        Assert.Equal(half.Alternatives, full.Alternatives);
    }

    [Fact]
    public void Width_HalfWidthKatakanaReadsAsFullWidth()
    {
        Assert.Equal(OnlyTerm("タブレット").Alternatives, OnlyTerm("ﾀﾌﾞﾚｯﾄ").Alternatives);
    }

    [Theory]
    [InlineData("どろーん", "ドローン")]
    [InlineData("たぶれっと", "タブレット")]
    [InlineData("しすてむ", "システム")]
    [InlineData("ろぼっと使ってる事業ある？", "ロボット")]
    public void Hiragana_LoanwordReadsAsItsKatakana(string question, string katakana)
    {
        Assert.Contains(katakana, OnlyTerm(question).Alternatives);
    }

    [Theory]
    [InlineData("なんだい入れた？", "なんだい入れた？")]
    [InlineData("家屋評価のしすてむ、なんだい入れた？", "家屋評価のシステム、なんだい入れた？")]
    [InlineData("タブレットを使っている事業はありますか", "タブレットを使っている事業はありますか")]
    [InlineData("どこの課がやってるの？", "どこの課がやってるの？")]
    [InlineData("教育庁の事業のうち、電子自治体は？", "教育庁の事業のうち、電子自治体は？")]
    [InlineData("パソコンを更新している？", "パソコンを更新している？")]
    [InlineData("何か取り組みをしているのでしょうか。", "何か取り組みをしているのでしょうか。")] // a run glued to a noun (組み) is no word of its own
    public void Hiragana_WordsThePlanDoesNotHave_AndFunctionWords_AreLeftAlone(string question, string read)
    {
        using var snapshot = index.Index.Acquire();

        Assert.Equal(read, KanaSpelling.Resolve(question, IndexVocabulary.Of(snapshot).Readings, MeCabModel.Shared).Text);
    }

    [Theory]
    [InlineData("ほうしゃせんの じょうほうは どこで みられますか", "放射線")]
    [InlineData("ぼうさいの めーる ある？", "防災")]
    [InlineData("ぼうさいの めーる ある？", "メール")]
    [InlineData("こうれいしゃ むけの じぎょう", "高齢")]
    [InlineData("きゅうきゅうはんそうの しすてむ", "救急搬送")]
    [InlineData("どうろの じょうほうを ていきょうする じぎょう", "提供")]
    [InlineData("ふくしまの やさいとか さかなを つかって くれる", "野菜")] // not ヤ・サイト・カ: a run starts with its word
    public void Hiragana_ContentWords_ReadAsThePlanWritesThem(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text == word || t.Alternatives.Contains(word));
    }

    [Theory]
    [InlineData("めの みえない ひとの じぎょう", "視覚障がい")]
    [InlineData("耳がきこえない人", "聴覚障がい")]
    [InlineData("けいたいの でんぱが はいらない ところ", "携帯電話")]
    public void Hiragana_AGlossaryPhraseTypedInKana_IsThatPhrase(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Alternatives.Contains(word));
    }

    [Fact]
    public void Hiragana_AClauseTypedInOneRunAfterOthers_IsReadByThePlansReadings()
    {
        // As a question typed in one run is: MeCab loses its way in long hiragana (か・わ・のみ・ず).
        Assert.Contains(Interpret("ちょっと聞きたいんだけど、かわのみずのたかさをしらべられるものはありますか").Terms, t => t.Text == "水");
    }

    [Fact]
    public void Hiragana_ARunIsReadFromItsStart_NotAroundAStrayKana()
    {
        // ヨサン・ガク (the budget), not ヨ・サンガク (産学, industry and academia).
        var q = Interpret("よさんがくが いちばん おおきい じぎょうは どれ？");

        Assert.DoesNotContain(q.Terms, t => t.Text == "産学");
        Assert.Equal(AnswerIntent.Largest, q.Intent);
    }

    [Fact]
    public void Hiragana_APlanWordsReadingInsideALongerWordMeCabKnows_IsNotThatPlanWord()
    {
        // ほんとう holds ホン (本), a word of the plan; ほんとうですか asks whether it is true.
        var terms = Interpret("どろーんの じぎょうが あるって ほんとうですか").Terms;

        Assert.Equal(["ドローン"], terms.Select(t => t.Text));
    }

    [Fact]
    public void Kana_GluedToAKanjiWord_IsReadAsMeCabReadsIt_NotCutIntoPlanReadingsAcrossItsParticleAndVerb()
    {
        // 学校とつながれる: と・つなが・れる to MeCab; the plan's readings トツ and ナガレル (流れる) would cut across them.
        var terms = Interpret("病院にいても学校とつながれるような取り組み").Terms.Select(t => t.Text).ToList();

        Assert.Contains("学校", terms);
        Assert.DoesNotContain(terms, t => t.Contains("とつ") || t.Contains("流れ"));
    }

    [Theory]
    [InlineData("すまほの あぷりで きかんを しえんする じぎょう", "帰還")] // beside アプリ: the homecoming app
    [InlineData("きゅうきゅうたいと いりょう きかんを つなぐ しくみ", "機関")] // beside 医療: medical institutions
    public void Hiragana_AReadingOfSeveralWords_IsTheWordTheQuestionsOtherWordsAreFoundWith(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text.Contains(word) || t.Alternatives.Any(a => a.Contains(word)));
    }

    [Theory]
    [InlineData("ばすが いま どこ はしってるか すまほで わかる しくみ", "バス")] // ば・す to MeCab
    [InlineData("ばすの じこくひょう ある？", "時刻表")]
    [InlineData("ろうじんを みまもる じぎょう ある？", "老人")] // one noun to MeCab, but not as the dictionary writes it
    [InlineData("ようちえんの じぎょう ある？", "幼稚園")]
    [InlineData("かいらんばんを ねっとで まわせる しくみ ある？", "回覧板")] // no common word, but the only noun read so
    [InlineData("はこばれるときに、びょういんと れんらく", "病院")] // after a comma, a word of its own too // not the plan's ヨウチ (用地) and エン
    public void Hiragana_AWordTheDictionaryKnowsButThePlanLacks_IsOneWord_AsTheDictionaryWritesIt(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text == word);
    }

    [Fact]
    public void Hiragana_AnEverydayWord_IsSearchedWithThePlansSynonymsOfItsKanji()
    {
        var term = Assert.Single(Interpret("ろうじんを みまもる じぎょう ある？").Terms, t => t.Text == "老人");

        Assert.Contains(term.Synonyms, s => s.Word == "高齢者");
    }

    [Theory]
    [InlineData("いま どこで みられますか", "今")]
    [InlineData("どこ で やってる", "何処")]
    public void Hiragana_AShortWordMeCabReadsWhole_IsLeftToMeCab(string question, string spelling)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.Text == spelling);
    }

    [Theory]
    [InlineData("障がいのある子に関係してる事業はどれですか？", "障がい")]
    [InlineData("避難している人のための事業", "避難")]
    public void APersonDescribed_IsSearchedByTheDescription_NotByTheWordForThePerson(string question, string described)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Text == described);
        Assert.DoesNotContain(terms, t => t.Text is "子" or "人");
    }

    [Theory]
    [InlineData("にゅういんしてる こどもの べんきょ を たぶれっとで ささえる じぎょう", "勉強")] // べんきょう less its う
    public void Hiragana_AWordTypedWithoutTheUOfItsLongVowel_IsThatWord(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text == word);
    }

    [Theory]
    [InlineData("うしの じきを あいしーてぃーで よそくする しすてむ", "ICT")]
    [InlineData("えすえぬえすで はっしんしてる じぎょう", "SNS")]
    [InlineData("じーあいえすの しすてむ", "GIS")]
    [InlineData("ぴーしーを つかう じぎょう", "パソコン")]
    public void Hiragana_AnAcronymSpelledLetterByLetter_IsTheAcronym(string question, string alternative)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Alternatives.Contains(alternative));
    }

    [Theory]
    [InlineData("牛の種付けの時期をICTで予測するシステム")]
    [InlineData("うし の たねつけ の じき を こんぴゅーた で わかる よう に する じぎょう")]
    public void CattleBreeding_IsThePlansLivestockInsemination(string question)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Alternatives.Contains("家畜"));
        Assert.Contains(terms, t => t.Alternatives.Contains("授精"));
    }

    [Theory]
    [InlineData("田んぼの草刈りをするロボットってある？")]
    [InlineData("くさかり の ろぼっと って ある？")]
    [InlineData("slope mowing robot")]
    public void Mowing_IsThePlansWeeding(string question)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Alternatives.Contains("除草"));
    }

    [Theory]
    [InlineData("お年寄り向けの事業ある？", "年寄り", "高齢者")]
    [InlineData("How many recipes were posted?", "recipes", "レシピ")]
    [InlineData("max slope angle the mowing robot can handle?", "max", "最大")] // EDICT: max → マックス → maximum → 最大
    public void EverydayAndEnglishWords_AreSearchedWithThePlansSynonyms(string question, string word, string synonym)
    {
        var term = Assert.Single(Interpret(question).Terms, t => t.Text == word);

        Assert.Contains(term.Synonyms, s => s.Word == synonym);
    }

    [Theory]
    [InlineData("大学", "会津大学")]
    [InlineData("学校", "中学校")]
    [InlineData("震災", "大震災")]
    public void AKanjiWord_IsSearchedWithThePlansLongerWordsEndingInIt(string word, string compound)
    {
        var term = Assert.Single(Interpret(word + "の事業").Terms, t => t.Text == word);

        Assert.Contains(term.Synonyms, s => s.Word == compound && s.Weight == SynonymDictionary.SameWord);
    }

    [Fact]
    public void AKanjiNameThePlanNeverWritesAlone_IsSearchedWithItsLongerNames()
    {
        var term = Assert.Single(Interpret("阿武隈の方の事業").Terms, t => t.Text == "阿武隈");

        Assert.Contains(term.Synonyms, s => s.Word == "阿武隈高地" && s.Weight == SynonymDictionary.SameWord);
    }

    [Fact]
    public void AKanjiWordThePlanWritesAlone_IsNotSearchedWithTheLongerWordsItBegins()
    {
        var term = Assert.Single(Interpret("会津の事業").Terms, t => t.Text == "会津");

        Assert.DoesNotContain(term.Synonyms, s => s.Word.StartsWith("会津", StringComparison.Ordinal) && s.Word.Length > 2);
    }

    [Fact]
    public void AWordOfOneKanji_IsNotSearchedWithEveryWordEndingInIt()
    {
        var term = Assert.Single(Interpret("線の事業").Terms, t => t.Text == "線");

        Assert.DoesNotContain(term.Synonyms, s => s.Word == "放射線");
    }

    [Fact]
    public void Synonyms_ThePlanDoesNotWrite_AreNotSearched()
    {
        var term = Assert.Single(Interpret("お年寄り").Terms);

        Assert.DoesNotContain(term.Synonyms, s => s.Word is "老人" or "シニア");
    }

    [Theory]
    [InlineData("whats the budget for 中小企業制度資金 and how many loans went out?", QueryLanguage.English)]
    [InlineData("how many projects does 企画調整部 have?", QueryLanguage.English)]
    [InlineData("ICTを使った事業", QueryLanguage.Japanese)]
    [InlineData("LINEやSNSで相談できる窓口はある？", QueryLanguage.Japanese)]
    [InlineData("e-Tax and マイナンバー", QueryLanguage.Japanese)] // two English words make no English sentence
    public void AQuestion_IsInTheLanguageMostOfItsWordsAreIn(string question, QueryLanguage language)
    {
        Assert.Equal(language, Interpret(question).Language);
    }

    [Fact]
    public void AnEnglishQuestionNamingAProjectInJapanese_ReadsTheNameAsJapanese_AndItsEnglishAsEnglish()
    {
        var terms = Interpret("whats the budget for 中小企業制度資金 and how many loans went out?").Terms;

        Assert.Contains(terms, t => t.Alternatives.Contains("中小企業制度資金"));
        Assert.DoesNotContain(terms, t => t.Text is "whats" or "went" or "how" or "many");
    }

    [Theory]
    [InlineData("im writing a report on robots, which projects have anything to do with robots", "im")]
    [InlineData("theres a project that lends wifi routers, whats it called", "theres")]
    [InlineData("i cant find the one for farmers, isnt there one?", "isnt")]
    public void AContractionTypedWithoutItsApostrophe_IsNoWordToSearch(string question, string contraction)
    {
        var terms = Interpret(question).Terms;

        Assert.DoesNotContain(terms, t => t.Text == contraction);
        Assert.NotEmpty(terms);
    }

    [Theory]
    [InlineData("入札まわりのシステムはどれ？", "まわり")]
    [InlineData("防災の周りの事業", "周り")]
    public void ARelationalNoun_IsNoWordToSearch(string question, string word)
    {
        var terms = Interpret(question).Terms;

        Assert.DoesNotContain(terms, t => t.Text == word);
        Assert.NotEmpty(terms);
    }

    [Theory]
    [InlineData("くまが でたとき めーるで しらせて くれる？", "くまが")]
    [InlineData("救急車と病院のあいだで患者さんの情報をやりとりする仕組み", "のあいだ")]
    public void Hiragana_AWordThePlanDoesNotHave_IsNotReadWithTheParticlesAroundIt(string question, string withParticle)
    {
        Assert.DoesNotContain(withParticle, Interpret(question).Terms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("うちの親がもう80過ぎなんだけど、お年寄り向けの事業ある？", "親", "年寄り")]
    [InlineData("孫が小学生です。学校でタブレットを使う事業はありますか", "小学生", "タブレット")]
    [InlineData("心配なので、聞きますが、防災メールはありますか", "心配", "防災")]
    [InlineData("わたしは もと きょうしで、いまは たいしょくして いるのですが、がっこうで たぶれっとを つかう じぎょうは ありますか", "もと", "タブレット")]
    [InlineData("地元の新聞で連載を書いておりまして、震災で避難している方々を支える事業を教えてください", "連載", "避難")]
    [InlineData("福祉施設の職員でして、介護にロボットを使う事業はありますか", "職員", "ロボット")]
    [InlineData("監査の資料つくってて、ドローンを使ってる事業を洗い出したいです", "資料", "ドローン")] // what the asker is doing: ている's て
    [InlineData("病院で働いていて、介護にロボットを使う事業はありますか", "病院", "ロボット")]
    [InlineData("地元の会合で質問したいんですが、ロボットを使う事業はありますか", "会合", "ロボット")] // wanting to ask is no want of the plan's
    [InlineData("元消防士です。最近近所で詐欺の被害が多くて、県でそういう被害を防ぐ取り組みってやってました？", "消防", "詐欺")] // そういう points at the clause after it
    [InlineData("記事で扱いたいので、ドローンを使う事業を全部挙げてもらえますか", "記事", "ドローン")] // wanting it for one's own work is why one asks
    [InlineData("会議の資料にまとめたいから、タブレットを使う事業を教えて", "資料", "タブレット")]
    public void Context_WhatTheAskerSaysOfThemselves_IsMarkedAsContext(string question, string context, string asked)
    {
        var terms = Interpret(question).Terms;

        Assert.True(Assert.Single(terms, t => t.Text == context).InContext);
        Assert.DoesNotContain(terms, t => t.Text.Contains(asked, StringComparison.Ordinal) && t.InContext);
    }

    [Theory]
    [InlineData("キャッシュレス決済を入れたいので、補助金はある？", "キャッシュレス決済")]
    [InlineData("ドローンを使いたいんだけど、そういう事業ある？", "ドローン")]
    public void Context_AWantOfTheAskersOwn_IsTheQuestion(string question, string asked)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.Text.Contains(asked, StringComparison.Ordinal) && t.InContext);
    }

    [Fact]
    public void Context_WordsBetweenTheWordsOfACondition_DescribeTheCondition()
    {
        var q = Interpret("目標の件数とか人数に届かなかった事業って、どれとどれでしょうか。");

        Assert.Equal(AchievementStatus.BelowTarget, q.Achievement);
        Assert.All(q.Terms, t => Assert.True(t.InContext));
    }

    [Theory]
    [InlineData("ドローンを使ってる事業、なんて名前でしたっけ？")]
    [InlineData("タブレットで相談を受ける仕組みの名前を教えてください")]
    public void AskingForTheName_IsNoWordToSearch(string question)
    {
        var terms = Interpret(question).Terms;

        Assert.DoesNotContain(terms, t => t.Text == "名前");
        Assert.NotEmpty(terms);
    }

    [Theory]
    [InlineData("畑に見守りカメラを置くのに、県の補助はありますか", "カメラ")]
    [InlineData("子どもが病院で勉強を続けるのに、タブレットを貸してくれる事業ある？", "勉強")]
    public void Context_APurposeClosedByNoni_IsTheQuestions(string question, string asked)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Text.Contains(asked, StringComparison.OrdinalIgnoreCase) && !t.InContext);
    }

    [Theory]
    [InlineData("土木部でドローン配ったって聞いたけど、なんていう事業？", "ドローン", null)]
    [InlineData("郡山で八百屋をやってます。県がドローンを使っていると聞きましたが、どの事業ですか。", "ドローン", "八百屋")]
    [InlineData("ドローンを配ったらしいけど、何という事業", "ドローン", null)]
    public void Context_WhatTheAskerHeardOf_IsTheQuestions(string question, string asked, string? context)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Text.Contains(asked, StringComparison.OrdinalIgnoreCase) && !t.InContext);
        if (context is not null) Assert.True(Assert.Single(terms, t => t.Text == context).InContext);
    }

    [Theory]
    [InlineData("I'm a university librarian. Does the prefectural library run a network with municipal libraries, e.g. for interlibrary loans?", "library", "librarian")]
    [InlineData("Projects of the Civil Engineering Dept. that use drones?", "drones", null)]
    public void Context_AnAbbreviationsStop_EndsNoEnglishSentence(string question, string asked, string? context)
    {
        var terms = Interpret(question).Terms;

        Assert.False(Assert.Single(terms, t => t.Text == asked).InContext);
        if (context is not null) Assert.True(Assert.Single(terms, t => t.Text == context).InContext);
    }

    [Theory]
    [InlineData("来月の委員会の準備で、目標に届かなかった事業を洗い出したい", "準備")]
    [InlineData("学校のレポートの参考に、タブレットを使う事業を教えて", "学校")]
    public void Context_TheAskersOccasionSaidWithDeOrNi_IsContext(string question, string occasion)
    {
        var terms = Interpret(question).Terms;

        Assert.True(Assert.Single(terms, t => t.Text == occasion).InContext);
    }

    [Fact]
    public void ADepartmentNamedAsTheAskersOccasion_IsNoFilter()
    {
        var q = Interpret("来月の議会の準備で、目標に届かなかった事業を洗い出したい");

        Assert.Empty(q.Departments);
        Assert.Equal(AchievementStatus.BelowTarget, q.Achievement);
    }

    [Fact]
    public void Context_ASituationClosedByAConcessiveNoni_IsContext()
    {
        var terms = Interpret("毎月ちゃんと払っていたのに、ネットが遅いままです。光回線の整備の事業はありますか").Terms;

        Assert.True(Assert.Single(terms, t => t.Text == "払う").InContext);
    }

    [Theory]
    [InlineData("予算の金額が入ってない（横棒とか線になってる）事業ってどれ？", "横棒")]
    [InlineData("What is the total budget of pillar 3 (disaster response, policing)?", "response")]
    [InlineData("新規(丸がついてるもの)の事業で、ドローンを使うのは？", "ついてる")]
    public void Context_WordsInBracketsAfterAConditionOrAName_SayWhatItIs(string question, string aside)
    {
        var q = Interpret(question);

        Assert.True(q.HasFilters);
        Assert.All(q.Terms.Where(t => t.Text.Contains(aside, StringComparison.OrdinalIgnoreCase)), t => Assert.True(t.InContext));
        Assert.Contains(q.Terms, t => t.Text.Contains(aside, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("emergency contact network (dedicated lines, video conferencing) budget?", "video conferencing")]
    [InlineData("ICT機器（タブレットとか）を使う事業は？", "タブレット")]
    public void Context_WordsInBracketsAfterTheWordsAsked_AreTheQuestions(string question, string aside)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Text.Contains(aside, StringComparison.OrdinalIgnoreCase) && !t.InContext);
    }

    [Theory]
    [InlineData("農林水産部の事業費、ぜんぶ足すといくらになります？千円単位でOKです", "単位", "農林")] // ぜんぶ is respelled 全部 before the remark
    [InlineData("タブレットを使う事業の予算は？概算で構いません", "概算", "タブレット")]
    [InlineData("ドローンの事業を教えて。表だけでいいです", "表", "ドローン")]
    [InlineData("タブレットを使う事業はありますか？研修とかでもいいので知りたいです", "研修", "タブレット")] // でもいい
    [InlineData("ドローンの事業の予算は？古いものは除いてかまいません", "古い", "ドローン")] // てかまわない
    [InlineData("タブレットを使う事業の予算はいくら？記事で使いたいので正確に", "記事", "タブレット")] // why the asker asks: a want closed by ので
    [InlineData("ドローンを使ってる事業ってどれ？議員に説明する用にまとめたい", "議員", "ドローン")] // what the asker will do with the answer
    public void Context_ARemarkAfterTheQuestionOnWhatWouldDoForAnAnswer_IsContext(string question, string context, string asked)
    {
        var terms = Interpret(question).Terms;

        Assert.True(Assert.Single(terms, t => t.Text == context).InContext);
        Assert.DoesNotContain(terms, t => t.Text.Contains(asked, StringComparison.Ordinal) && t.InContext);
    }

    [Theory]
    [InlineData("ドローンの事業は？ロボットも")]
    [InlineData("ドローンの事業は？ロボットの事業はある？")]
    [InlineData("ドローンの事業は？ロボットの事業も知りたい")] // a want to know is the question's
    public void Context_ASentenceAfterTheQuestionThatAsksMore_IsNoRemark(string question)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.InContext);
    }

    [Theory]
    [InlineData("I'm a consultant reviewing your e-government portfolio. Which projects digitize applications or procurement?", "consultant", "procurement")]
    [InlineData("We had a typhoon last year. Which projects show river levels on phones?", "typhoon", "phones")]
    [InlineData("For a story on people still displaced by the 2011 disaster: which projects support evacuees?", "story", "evacuees")]
    [InlineData("Which projects use drones for bridges? I heard they were popular.", "popular", "drones")] // a sentence after the question
    [InlineData("I'm with a foreign embassy and want to understand how the prefecture handled the missile launches. Which systems received the alerts?", "embassy", "alerts")] // a want to know
    [InlineData("which project runs the shared security cloud? want to know which division to pitch to", "pitch", "cloud")] // a want to know, after the question
    [InlineData("how many tourists came compared with the target? need it for a report", "report", "tourists")] // needed for the asker's own work
    [InlineData("tourism is under Shoko Rodo-bu right? how many projects does that dept have", "tourism", "projects")] // a statement with a tag, before the question
    public void Context_AnEnglishSentenceBeforeOrAfterTheQuestion_IsContext(string question, string context, string asked)
    {
        var terms = Interpret(question).Terms;

        Assert.True(Assert.Single(terms, t => t.Text == context).InContext);
        Assert.DoesNotContain(terms, t => t.Text.Contains(asked, StringComparison.Ordinal) && t.InContext);
    }

    [Theory]
    [InlineData("I'm looking for drone projects. Which departments run them?")] // what the asker wants
    [InlineData("Before I drive in winter I want to check snow on the roads. Is there a camera website?")] // a want of what a project offers
    [InlineData("Is there a drone project? Which department runs it?")] // two questions
    [InlineData("Is there a drone project? I need the ones with a budget")] // a want of the plan, after the question
    public void Context_NoEnglishSentenceOfWhatIsAsked_IsContext(string question)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.InContext);
    }

    [Fact]
    public void Context_AWordTheQuestionSaysAgain_IsTheQuestions()
    {
        var terms = Interpret("孫に教わってスマートフォンを使い始めたところです。県の情報をスマホで見られる取り組みはありますか").Terms;

        Assert.False(Assert.Single(terms, t => t.Alternatives.Contains("スマートフォン")).InContext);
    }

    [Theory]
    [InlineData("情報を手軽に見られる事業", "手軽")]
    [InlineData("便利なアプリの事業", "便利")]
    public void AnAdjectivalNoun_DescribesAsAVerbDoes(string question, string word)
    {
        Assert.Equal(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == word).Kind);
    }

    [Theory]
    [InlineData("先生向けにICTの使い方を教える研修はある？", "使い方")]
    [InlineData("タブレットの見方がわかる講座", "見方")]
    public void AWayOfDoing_IsTheDoing_AndRanksAsAVerbDoes(string question, string word)
    {
        Assert.Equal(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == word).Kind);
    }

    [Theory]
    [InlineData("味方になってくれる窓口", "味方")] // 方 read かた after no verb: an ally, a thing
    [InlineData("相手方との契約", "相手方")]
    public void ANounEndingIn方_AfterNoVerbStem_StaysAThing(string question, string word)
    {
        Assert.NotEqual(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == word).Kind);
    }

    [Theory]
    [InlineData("Which project separated the internal network from the internet?", "internal")]
    [InlineData("the security cloud we run together with the municipalities", "together")]
    public void AnEnglishWordThatDescribes_RanksAsAVerbDoes(string question, string word)
    {
        Assert.Equal(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == word).Kind);
    }

    [Theory]
    [InlineData("ドローンを使ってる事業を知りたいんだけど、どこの部署？")] // the question says no thing of its own
    [InlineData("お店でキャッシュレス決済入れたいんだけど、県の補助金ってある？")] // a clause of what the asker wants
    [InlineData("ドローンの事業を探してるんですが、予算はいくら？")]
    [InlineData("ドローンの事業は？ロボットは？")] // two questions
    [InlineData("タブレットを使う事業はある？子どもが使うので")] // context after the question
    [InlineData("うちのお店でもキャッシュレス決済を導入してほしいけど、補助はある？")]
    [InlineData("タブレットを使って、学習を支援する事業はありますか")] // a plain て-form goes on describing what is asked
    [InlineData("山奥で携帯の電波が入らないところがあるんだけど、そういう地域の対策は？")] // the question points back at it
    [InlineData("高校でスマホの使い方について話し合うんだけど、県がやってるそういう取り組みってある？")] // through a clause that modifies the pointer
    [InlineData("ドローンの予算を確認したいんですが、教育庁のものはありますか")] // what one wants to ask about
    [InlineData("防災について聞きたいんだけど、新しい事業ってある？")]
    public void Context_IsNeverWhatTheQuestionIsAbout(string question)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.InContext);
    }

    [Fact]
    public void ThePrefecture_IsThePlansOwnTopic()
    {
        var terms = Interpret("福島県でドローンを使っている事業").Terms;

        Assert.Contains(terms, t => t.Text.Contains("福島") && t.IsTopic);
        Assert.DoesNotContain(terms, t => t.Text.Contains("福島") && !t.IsTopic);
    }

    [Fact]
    public void Hiragana_AWordReadFromKana_AlsoMatchesItsReading()
    {
        var term = Assert.Single(Interpret("ほうしゃせん").Terms);

        Assert.Equal("放射線", term.Text);
        Assert.Equal(["ホウシャセン"], term.Readings);
    }

    [Theory]
    [InlineData("山の方の小さい学校でネットで授業受けられるやつ")]
    [InlineData("うちみたいな小さい会社でも借りられる制度")]
    public void Hiragana_TheOkuriganaOfAWordWithKanji_IsNoWordOfItsOwn(string question)
    {
        var q = Interpret(question);

        Assert.DoesNotContain(q.Terms, t => t.Text.Contains('際'));
        Assert.DoesNotContain(q.Terms, t => t.Alternatives.Any(a => a.Contains('際')));
    }

    [Theory]
    [InlineData("ろぼと って ある？", "ロボット")] // っ left out
    [InlineData("たぶれつとの じぎょう", "タブレット")] // つ for っ
    [InlineData("ぼうさいの めえる ある？", "メール")] // え for ー
    [InlineData("ほうしゃせんの じょおほう", "情報")] // お for う
    [InlineData("しせつの ことが わかる ほうむぺえじ って ありますか", "ホームページ")] // every long vowel typed as a vowel
    public void Hiragana_AWordTypedWithAKanaSlip_IsThePlansWordItMeant(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text == word || t.Alternatives.Contains(word));
    }

    [Fact]
    public void Hiragana_ARunMeCabLosesItsWayIn_IsOneWordThePlanLacks_NotItsPieces()
    {
        // じ・どう・うん・てん・ば・す: an interjection says MeCab lost its way; てる is no word of the question.
        var terms = Interpret("じどううんてんばすの じっしょうじぎょうは ある？").Terms;

        Assert.Contains(terms, t => t.Text == "じどううんてんばす");
        Assert.DoesNotContain(terms, t => t.Text is "てる" or "てん");
    }

    [Fact]
    public void Hiragana_AWordTypedOnItsOwnWithItsParticle_IsThatWord_ThoughMeCabCutsItElsewhere()
    {
        // じゅうじつに: じゅう・じつに to MeCab (ten, truly); 充実 and に to the question.
        var q = Interpret("でんしじちたい・こうきょうさーびすの じゅうじつに はいってるのは ？");

        Assert.Equal([5], q.Sections);
    }

    [Fact]
    public void Hiragana_ARealWordThePlanLacks_IsNoSlipForAPlanWordNearIt()
    {
        var terms = Interpret("たんぼ とか どての しゃめん の ろぼっと").Terms;

        Assert.DoesNotContain(terms, t => t.Alternatives.Any(a => a is "単価" or "遮断"));
    }

    [Fact]
    public void Hiragana_NandaiInAQuestion_AsksForUnitsNotAKatakanaWord()
    {
        var q = Interpret("家屋評価のしすてむ、なんだい入れた？");

        Assert.Contains("台", q.AnswerUnits);
        Assert.Contains(q.Terms, t => t.Alternatives.Contains("システム"));
        Assert.DoesNotContain(q.Terms, t => t.Text.Contains("ナンダイ") || t.Text.Contains("なんだい"));
    }

    [Fact]
    public void Coordination_WordsJoinedByYa_AreOneGroupOfAlternatives()
    {
        var term = OnlyTerm("タブレットやスマホを使う事業");

        Assert.Contains("タブレット", term.Alternatives);
        Assert.Contains("スマホ", term.Alternatives);
        Assert.Contains("スマートフォン", term.Alternatives);
    }

    [Fact]
    public void Coordination_VerbsJoinedByTari_AreOneGroupOfAlternatives()
    {
        var q = Interpret("会計のシステムを運用したり改修したりしてる事業を教えて");

        Assert.Contains(q.Terms, t => t.Alternatives.Contains("運用") && t.Alternatives.Contains("改修"));
    }

    [Fact]
    public void Link_TwoNounsJoinedByNo_AreAlsoSearchedAsOnePhrase()
    {
        var q = Interpret("会計のシステム");

        Assert.Contains(q.Terms, t => t.Kind == TermKind.Link && t.Alternatives.SequenceEqual(["会計システム"]));
        Assert.Contains(q.Terms, t => t.Kind == TermKind.Modifier && t.Text == "会計");
    }

    [Fact]
    public void Link_AfterAList_JoinsTheListsLastItem()
    {
        var q = Interpret("川の水位とか雨の量が見られるところある？");

        Assert.Contains(q.Terms, t => t.Kind == TermKind.Link && t.Alternatives.SequenceEqual(["雨量"]));
        Assert.DoesNotContain(q.Terms, t => t.Kind == TermKind.Link && t.Text == "水位の量");
    }

    [Fact]
    public void Coordination_AVerbalNounDone_IsNoItemOfAListOfNouns()
    {
        // 船出す (船出・す) is what the asker does, not a second thing beside 量.
        var q = Interpret("雨の量、船出す前にスマホで見れるとこある？");

        Assert.DoesNotContain(q.Terms, t => t.Alternatives.Contains("量") && t.Alternatives.Contains("船出"));
    }

    [Fact]
    public void UnknownEnglishWord_IsSearchedAsWrittenButWeighsLess()
    {
        var term = Assert.Single(Interpret("Is there a blockchain project?").Terms);

        Assert.Equal(["blockchain"], term.Alternatives);
        Assert.Equal(TermKind.UnknownEnglish, term.Kind);
        Assert.Equal(0.5f, term.Weight);
    }

    [Theory]
    [InlineData("タブレット", QueryLanguage.Japanese)]
    [InlineData("ICT企業", QueryLanguage.Japanese)]
    [InlineData("tablet", QueryLanguage.English)]
    [InlineData("Which Health and Welfare projects use tablets?", QueryLanguage.English)]
    public void Language_IsJapaneseWhenTheQuestionHasJapaneseCharacters(string question, QueryLanguage language)
    {
        Assert.Equal(language, Interpret(question).Language);
    }

    // ---- lists, compounds, filler

    [Theory]
    [InlineData("ドローンかロボットを使う事業", "ドローン", "ロボット")]
    [InlineData("マイナンバーとか番号制度に関係ある事業ってどれ？", "マイナンバー", "番号制度")]
    [InlineData("農業でも介護でも", "農業", "介護")]
    [InlineData("ドローン、ロボットを使う事業", "ドローン", "ロボット")]
    [InlineData("Which projects use drones or robots?", "ドローン", "ロボット")]
    public void AList_IsOneGroupOfAlternatives(string question, string one, string other)
    {
        Assert.Contains(Interpret(question).Terms, t =>
            (t.Alternatives.Contains(one) || t.Text.Contains(one)) && (t.Alternatives.Contains(other) || t.Text.Contains(other)));
    }

    [Fact]
    public void AnEnglishList_ItsLastItemIsTheNounAnAdjectiveDescribes_AndMatchesWhatThatNounsGlossesDo()
    {
        var terms = Interpret("weeding robots for rice paddies or steep slopes?").Terms;

        var list = Assert.Single(terms, t => t.Members.Count == 2);
        Assert.Equal(["rice paddies", "slopes"], list.Members.Select(m => m.Text));
        Assert.Contains(list.Synonyms, s => s.Word == "傾斜"); // slope, 2-10's 最大傾斜45度
        Assert.Equal(TermKind.Verb, Assert.Single(terms, t => t.Text == "steep").Kind);
    }

    [Fact]
    public void OneでもAlone_Even_IsNoList_AndLeavesTheWordAThing()
    {
        // 小さい会社でも: "even a small company", not 会社でもパソコンでも (be it a company or a computer).
        var terms = Interpret("うちみたいな小さい会社でもパソコンとか機械入れるときにお金借りられる制度ってあります？").Terms;

        Assert.Contains(terms, t => t.Text is "会社" or "小さい会社" && t.Kind != TermKind.Aside);
        Assert.DoesNotContain(terms, t => t.Alternatives.Contains("会社") && t.Alternatives.Contains("パソコン"));
        Assert.Contains(terms, t => t.Alternatives.Contains("パソコン") && t.Alternatives.Contains("機械"));
    }

    [Theory]
    [InlineData("新聞のニュースとか届けてくれるサービスってありますか？", "ニュース", "届ける")]
    [InlineData("ドローンとか飛ばしてる事業", "ドローン", "飛ばす")]
    public void ANounAndThenAVerb_AfterAListWord_AreNoList(string question, string noun, string verb)
    {
        var terms = Interpret(question).Terms;

        Assert.DoesNotContain(terms, t => t.Members.Count > 0);
        Assert.Contains(terms, t => t.Text == noun);
        Assert.DoesNotContain(terms, t => t.Text != verb && t.Alternatives.Contains(verb));
    }

    [Theory]
    [InlineData("How does the prefecture push alerts out, whether through social media, TV or their phones?", "SNS", "tv", "phones")]
    [InlineData("projects on tourism, agriculture or education", "観光", "農業", "教育")]
    [InlineData("Is there anything on drones, robots, or AI?", "ドローン", "ロボット", "ai")]
    public void AnEnglishListOfThree_JoinedByCommasAndOr_IsOneGroupOfAlternatives(string question, params string[] items)
    {
        var list = Assert.Single(Interpret(question).Terms, t => t.Members.Count == 3);
        Assert.All(items, item => Assert.Contains(item, list.Alternatives));
    }

    [Fact]
    public void EnglishWordsJoinedByCommasAndAnd_AreSeparateThings()
    {
        var terms = Interpret("projects on tourism, agriculture and education").Terms;

        Assert.DoesNotContain(terms, t => t.Members.Count > 0);
        Assert.Contains(terms, t => t.Alternatives.Contains("観光"));
        Assert.Contains(terms, t => t.Alternatives.Contains("教育"));
    }

    [Fact]
    public void ACompound_IsSearchedWhole_ItsPartsMarkedAsItsParts()
    {
        var terms = Interpret("ふるさと納税をネットで受け付けてる事業ってある？").Terms;

        Assert.Contains(terms, t => t.Kind == TermKind.Compound && t.Text == "ふるさと納税");
        Assert.Equal(["ふるさと", "納税"], terms.Where(t => t.PartOf == "ふるさと納税").Select(t => t.Text));
    }

    [Fact]
    public void ACompound_WithAWordMostProjectsDo_IsStillOneCompound()
    {
        var terms = Interpret("入院した子の学習支援の事業").Terms;

        Assert.Contains(terms, t => t.Kind == TermKind.Compound && t.Text == "学習支援");
        Assert.Equal(["学習", "支援"], terms.Where(t => t.PartOf == "学習支援").Select(t => t.Text));
    }

    [Fact]
    public void AWordMostProjectsDo_DoneAsAVerb_IsNoPartOfACompound()
    {
        Assert.DoesNotContain(Interpret("高齢者を支援する事業").Terms, t => t.Kind == TermKind.Compound);
    }

    [Theory]
    [InlineData("娘が特別支援学校に通っています。先生向けの研修とかでもいいので知りたいです", "娘")]
    [InlineData("息子が車いすなんですけど、行ける施設を調べられるサイトはありますか", "息子")]
    public void TheAskersFamily_AndHedges_AreNotSearched(string question, string family)
    {
        var terms = Interpret(question).Terms;

        Assert.DoesNotContain(terms, t => t.Text == family || t.Text is "いい");
    }

    [Fact]
    public void AnEverydayWordForAnOfficialOne_FindsTheOfficialOne()
    {
        Assert.Contains(Interpret("車いすでも行ける施設を調べられるサイト").Terms, t => t.Alternatives.Contains("バリアフリー"));
    }

    [Theory]
    [InlineData("ドローンを使ってる事業を部署関係なく全部知りたい")]
    [InlineData("ロボット関係の事業ってある？")]
    [InlineData("ロボット関連の事業")]
    public void OrdinaryExtraWords_AreNotSearched(string question)
    {
        var nouns = Interpret(question).Terms.Where(t => t.Kind != TermKind.Verb).Select(t => t.Text).ToList();

        Assert.Single(nouns);
    }

    [Fact]
    public void Toka_BeforeAVerb_IsAHedge_NotAListOfWhatFollows()
    {
        // ロボットとか使ってる: robots and the like; what the next sentence mentions is no second item of a list.
        var terms = Interpret("ロボットとか使ってる事業ある？介護のときとか助けてるのかな").Terms;

        Assert.DoesNotContain(terms, t => t.Alternatives.Contains("ロボット") && t.Alternatives.Contains("介護"));
        Assert.Contains(terms, t => t.Alternatives.Contains("ロボット"));
    }

    [Fact]
    public void Toka_BetweenTwoNouns_IsStillAList()
    {
        var term = Assert.Single(Interpret("ドローンとかロボットの事業ある？").Terms);

        Assert.Contains("ドローン", term.Alternatives);
        Assert.Contains("ロボット", term.Alternatives);
    }

    [Theory]
    [InlineData("予算あわせていくらになる？")]
    [InlineData("ぜんぶあわせていくら？")]
    public void Hiragana_AVerbWhoseReadingThePlanHasNoSpellingFor_IsLeftAVerb(string question)
    {
        // アワセ is a reading of the plan's (合わせて) with no word to spell it as: rewritten, MeCab cut it into アワ・セ.
        Assert.DoesNotContain(Interpret(question).Terms, t => t.Text.Contains("アワ") || t.Text == "セ");
    }

    [Theory]
    [InlineData("ところで話変わるけど、県税ってネットで払えるの？", "話")]
    [InlineData("うち建設業なんだけど、入札ってネットでできる？", "うち")]
    [InlineData("雪どんぐらい積もってるか見れる？", "どん")]
    public void HowASpeakerSpeaks_IsNoWordOfTheQuestion(string question, string word)
    {
        Assert.DoesNotContain(Interpret(question).Terms, t => t.Text == word || t.Alternatives.Contains(word));
    }

    [Fact]
    public void English_AWordIsAlsoSearchedByTheJapaneseWordsEdictGlossesItWith()
    {
        // The glossary says 畜産; EDICT adds 家畜, which the plan also writes.
        var term = Assert.Single(Interpret("anything about livestock?").Terms);

        Assert.Equal(EnglishGlosses.Likeliest, Assert.Single(term.Synonyms, s => s.Word == "家畜").Weight);
    }

    [Theory]
    [InlineData("病気で長く入院してる子どもが勉強できる支援", "入院", true)]
    [InlineData("ゆーちゅーぶで動画を配信してる事業", "配信", false)]
    [InlineData("お店を紹介してるのって、どの事業？", "紹介", false)]
    public void AVerbalNounDone_DescribesTheThingNamedAfterIt_NotWhatTheProjectDoes(string question, string word, bool describes)
    {
        var term = Assert.Single(Interpret(question).Terms, t => t.Text == word);

        Assert.Equal(TermKind.Verb, term.Kind);
        Assert.Equal(describes, term.DescribesThing);
    }

    [Theory]
    [InlineData("Which projects help kids stuck in hospital?", "stuck")]
    [InlineData("did the relocation scheme hit the news?", "hit")]
    public void English_AVerbTheGlossaryDoesNotKnow_OnlyRanks(string question, string verb)
    {
        Assert.Equal(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == verb).Kind);
    }

    [Theory]
    [InlineData("I read that the prefecture started flying drones for inspections.", "flying")]
    [InlineData("Which projects are developing farm robots?", "developing")]
    public void English_AnIngFormOfAVerb_OnlyRanks_ThoughEdictAlsoListsItAsANoun(string question, string word)
    {
        var term = Assert.Single(Interpret(question).Terms, t => t.Text == word);

        Assert.Equal(TermKind.Verb, term.Kind);
        Assert.False(term.IsKnownNoun);
    }

    [Fact]
    public void ACompoundWithAPartInLatinLetters_IsAlsoSpelledAsThePlanWritesThatPart()
    {
        var compound = Assert.Single(Interpret("県のFacebookページってある？").Terms, t => t.Kind == TermKind.Compound);

        Assert.Contains("フェイスブックページ", compound.Alternatives);
    }

    [Fact]
    public void Context_APlainTeForm_GoesOnDescribingTheThingAsked()
    {
        Assert.DoesNotContain(Interpret("タブレットを使って、高齢者を見守る事業は？").Terms, t => t.InContext);
    }

    [Theory]
    [InlineData("which projects are in Koriyama?", "koriyama", "郡山")]
    [InlineData("any projects in Aizu?", "aizu", "会津")]
    [InlineData("any hinansha projects?", "hinansha", "避難者")] // a word the plan writes as two (避難・者)
    [InlineData("any projects for sagi prevention?", "sagi", "詐欺")]
    public void English_AJapaneseNameInRomaji_IsThePlansWordOfThatReading(string question, string word, string name)
    {
        var term = Assert.Single(Interpret(question).Terms, t => t.Text == word);

        Assert.Equal([name], term.Alternatives);
        Assert.Equal(TermKind.Word, term.Kind);
    }

    [Theory]
    [InlineData("is there a website where i can check road closures before i head out?", "head")]
    [InlineData("is there a website where i can check road closures before i head out?", "check")]
    [InlineData("we usually rent pocket wifi, which project lends them?", "rent")]
    public void English_AWordAfterASubjectPronoun_IsItsVerb(string question, string verb)
    {
        Assert.Equal(TermKind.Verb, Assert.Single(Interpret(question).Terms, t => t.Text == verb).Kind);
    }

    [Fact]
    public void English_AWordAfterAModalWithNoSubjectPronoun_KeepsItsKind()
    {
        Assert.NotEqual(TermKind.Verb, Assert.Single(Interpret("Can residents file applications online?").Terms, t => t.Text == "residents").Kind);
    }

    [Fact]
    public void English_AProjectToldAgainAfterTheQuestion_IsWhatItAsksAbout_NoRemark()
    {
        var terms = Interpret("which project split the office network off from the internet? the kyoujinsei one").Terms;

        var told = Assert.Single(terms, t => t.Text == "kyoujinsei");
        Assert.False(told.InContext);
        Assert.StartsWith("強靱", Assert.Single(told.Alternatives));
    }

    [Fact]
    public void English_ANounThePlanNeverWrites_CountsAsAThing_NotAsATypo()
    {
        var terms = Interpret("Is there a help desk for foreign people?").Terms;

        Assert.True(Assert.Single(terms, t => t.Text == "desk").IsKnownNoun);
        Assert.Equal(1f, terms.Single(t => t.Text == "desk").Weight);
    }

    [Theory]
    [InlineData("And if you take out the big business location subsidy?", "big")]
    [InlineData("How many tourists actually came to Fukushima?", "came")]
    public void English_AWordEdictKnowsButNotAsANoun_StaysHalfAsTelling(string question, string word)
    {
        Assert.False(Assert.Single(Interpret(question).Terms, t => t.Text == word).IsKnownNoun);
    }

    [Fact]
    public void English_AHyphenatedHeadword_IsOneWord()
    {
        // The question's hyphen is a space by then; EDICT writes barrier-free (バリアフリー) with one.
        var term = Assert.Single(Interpret("Is there a website that lists barrier-free places?").Terms, t => t.Text.Contains("barrier"));

        Assert.Contains(term.Synonyms, s => s.Word == "バリアフリー");
    }

    [Fact]
    public void English_TwoWordsEdictKnowsAsOneExpression_AreOneGroup()
    {
        // "old people" is 高齢者, not the old (unknown) and the people (住民, 県民).
        var term = Assert.Single(Interpret("Which projects help old people?").Terms, t => t.Text.Contains("people"));

        Assert.Equal("old people", term.Text);
        Assert.Contains(term.Synonyms, s => s.Word == "高齢者");
    }

    [Fact]
    public void English_AnExpressionThePlanHasNoWordFor_StaysItsWords()
    {
        // young people is 若者, which the plan never writes: people still finds 住民 and 県民.
        var terms = Interpret("Any projects for young people?").Terms;

        Assert.DoesNotContain(terms, t => t.Text == "young people");
        Assert.Contains(terms, t => t.Alternatives.Contains("住民"));
    }

    [Fact]
    public void English_TwoGlossaryTerms_StayTheGlossarysTerms()
    {
        var terms = Interpret("What about medical care?").Terms;

        Assert.Equal(2, terms.Count);
    }

    [Theory]
    [InlineData("田んぼやあぜの草刈りがほんとキツい…除草ロボって県で作ってたりします？", "きつい")]
    [InlineData("スゴい事業ある？", "すごい")]
    public void KatakanaForEmphasis_IsReadAsTheWordInHiragana(string question, string word)
    {
        var terms = Interpret(question).Terms;

        Assert.Contains(terms, t => t.Text == word);
        Assert.DoesNotContain(terms, t => t.Text is "キツ" or "スゴ" or "ほん"); // ほんと is no 本 once キツい is read whole
    }

    [Fact]
    public void KatakanaForEmphasis_ASuperlative()
    {
        Assert.Equal(AnswerIntent.Largest, Interpret("いちばん予算デカいのってどの事業？").Intent);
    }

    [Theory]
    [InlineData("アプリある？", "アプリ")]
    [InlineData("ロボットいる事業", "ロボット")]
    public void KatakanaWordOfThePlan_BeforeHiragana_StaysAsWritten(string question, string word)
    {
        Assert.Contains(Interpret(question).Terms, t => t.Text == word);
    }
}
