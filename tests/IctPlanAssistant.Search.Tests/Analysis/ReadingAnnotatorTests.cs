using IctPlanAssistant.Search.Analysis.Readings;

namespace IctPlanAssistant.Search.Tests.Analysis;

public sealed class ReadingAnnotatorTests
{
    private static readonly ReadingAnnotator Annotator = ReadingAnnotator.Load();

    /// <summary>
    /// Every department, division and section title of the bundled plan with its furigana, each read and checked by
    /// hand (MeCab read 障がい as さわがい: data/readings.tsv corrects it).
    /// </summary>
    private static readonly Dictionary<string, string> PlanNames = new()
    {
        ["ロボット産業推進室"] = "ロボット産業(さんぎょう)推進(すいしん)室(しつ)",
        ["人材・基盤の育成、強化"] = "人材(じんざい)・基盤(きばん)の育成(いくせい)、強化(きょうか)",
        ["企業局"] = "企業(きぎょう)局(きょく)",
        ["企業立地課"] = "企業(きぎょう)立地(りっち)課(か)",
        ["企画調整部"] = "企画(きかく)調整(ちょうせい)部(ぶ)",
        ["保健福祉部"] = "保健(ほけん)福祉(ふくし)部(ぶ)",
        ["健康増進課"] = "健康(けんこう)増進(ぞうしん)課(か)",
        ["入札用度課"] = "入札(にゅうさつ)用度(ようど)課(か)",
        ["入札監理課"] = "入札(にゅうさつ)監理(かんり)課(か)",
        ["出納局"] = "出納(すいとう)局(きょく)",
        ["出納総務課"] = "出納(すいとう)総務(そうむ)課(か)",
        ["医療人材対策室"] = "医療(いりょう)人材(じんざい)対策(たいさく)室(しつ)",
        ["博物館"] = "博物館(はくぶつかん)",
        ["危機管理課"] = "危機(きき)管理(かんり)課(か)",
        ["危機管理部"] = "危機(きき)管理(かんり)部(ぶ)",
        ["原子力安全対策課"] = "原子力(げんしりょく)安全(あんぜん)対策(たいさく)課(か)",
        ["商工労働部"] = "商工(しょうこう)労働(ろうどう)部(ぶ)",
        ["図書館"] = "図書館(としょかん)",
        ["土木企画課"] = "土木(どぼく)企画(きかく)課(か)",
        ["土木部"] = "土木(どぼく)部(ぶ)",
        ["地域医療課"] = "地域(ちいき)医療(いりょう)課(か)",
        ["地域政策課"] = "地域(ちいき)政策(せいさく)課(か)",
        ["安全・安心、防災への対応"] = "安全(あんぜん)・安心(あんしん)、防災(ぼうさい)への対応(たいおう)",
        ["広報課"] = "広報(こうほう)課(か)",
        ["復興への取組"] = "復興(ふっこう)への取組(とりくみ)",
        ["情報政策課"] = "情報(じょうほう)政策(せいさく)課(か)",
        ["技術管理課"] = "技術(ぎじゅつ)管理(かんり)課(か)",
        ["放射線監視室"] = "放射線(ほうしゃせん)監視(かんし)室(しつ)",
        ["政務調査課"] = "政務(せいむ)調査(ちょうさ)課(か)",
        ["教育センター"] = "教育(きょういく)センター",
        ["教育庁"] = "教育庁(きょういくちょう)",
        ["教育総務課"] = "教育(きょういく)総務(そうむ)課(か)",
        ["施設財産室"] = "施設(しせつ)財産(ざいさん)室(しつ)",
        ["森林計画課"] = "森林(しんりん)計画(けいかく)課(か)",
        ["水・大気環境課"] = "水(みず)・大気(たいき)環境(かんきょう)課(か)",
        ["水田畑作課"] = "水田(すいでん)畑作(はたさく)課(か)",
        ["河川整備課"] = "河川(かせん)整備(せいび)課(か)",
        ["災害対策課"] = "災害(さいがい)対策(たいさく)課(か)",
        ["特別支援教育センター"] = "特別(とくべつ)支援(しえん)教育(きょういく)センター",
        ["特別支援教育課"] = "特別(とくべつ)支援(しえん)教育(きょういく)課(か)",
        ["環境保全農業課"] = "環境(かんきょう)保全(ほぜん)農業(のうぎょう)課(か)",
        ["環境共生課（環境創造センター）"] = "環境(かんきょう)共生(きょうせい)課(か)（環境(かんきょう)創造(そうぞう)センター）",
        ["生活安全企画課"] = "生活(せいかつ)安全(あんぜん)企画(きかく)課(か)",
        ["生活環境課"] = "生活(せいかつ)環境(かんきょう)課(か)",
        ["生活環境部"] = "生活(せいかつ)環境(かんきょう)部(ぶ)",
        ["産業人材育成課"] = "産業(さんぎょう)人材(じんざい)育成(いくせい)課(か)",
        ["産業振興・地域活性化"] = "産業(さんぎょう)振興(しんこう)・地域(ちいき)活性(かっせい)化(か)",
        ["男女共生課"] = "男女(だんじょ)共生(きょうせい)課(か)",
        ["畜産課"] = "畜産(ちくさん)課(か)",
        ["社会福祉課"] = "社会(しゃかい)福祉(ふくし)課(か)",
        ["私学・法人課(会津大学)"] = "私学(しがく)・法人(ほうじん)課(か)(会津(あいづ)大学(だいがく))",
        ["税務システム課"] = "税務(ぜいむ)システム課(か)",
        ["税務課"] = "税務(ぜいむ)課(か)",
        ["経営・販売課"] = "経営(けいえい)・販売(はんばい)課(か)",
        ["経営金融課"] = "経営(けいえい)金融(きんゆう)課(か)",
        ["総務部"] = "総務(そうむ)部(ぶ)",
        ["総務部等"] = "総務(そうむ)部(ぶ)等(とう)",
        ["義務教育課"] = "義務(ぎむ)教育(きょういく)課(か)",
        ["職員業務課"] = "職員(しょくいん)業務(ぎょうむ)課(か)",
        ["観光交流課"] = "観光(かんこう)交流(こうりゅう)課(か)",
        ["警察本部"] = "警察(けいさつ)本部(ほんぶ)",
        ["議事課"] = "議事(ぎじ)課(か)",
        ["議会事務局"] = "議会(ぎかい)事務(じむ)局(きょく)",
        ["農林企画課"] = "農林(のうりん)企画(きかく)課(か)",
        ["農林技術課"] = "農林(のうりん)技術(ぎじゅつ)課(か)",
        ["農林水産部"] = "農林(のうりん)水産(すいさん)部(ぶ)",
        ["農業振興課"] = "農業(のうぎょう)振興(しんこう)課(か)",
        ["農産物流通課"] = "農産物(のうさんぶつ)流通(りゅうつう)課(か)",
        ["道路管理課"] = "道路(どうろ)管理(かんり)課(か)",
        ["障がい福祉課"] = "障(しょう)がい福祉(ふくし)課(か)",
        ["電子自治体・行政サービスの充実"] = "電子(でんし)自治体(じちたい)・行政(ぎょうせい)サービスの充実(じゅうじつ)",
        ["高校教育課"] = "高校(こうこう)教育(きょういく)課(か)",
        ["高齢福祉課"] = "高齢(こうれい)福祉(ふくし)課(か)",
    };

    /// <summary>The text with each reading in brackets after its kanji: 見守(みまも)り.</summary>
    private static string Annotated(string text) =>
        string.Concat(Annotator.Annotate(text).Select(s => s.Reading is null ? s.Text : $"{s.Text}({s.Reading})"));

    [Fact]
    public void Every_department_division_and_section_name_of_the_plan_reads_as_checked()
    {
        var names = BundledPlan.Rows.SelectMany(r => new[] { r.Department, r.SectionTitle }.Concat(r.Divisions)).ToHashSet();

        Assert.Equal(PlanNames.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.All(PlanNames, name => Assert.Equal(name.Value, Annotated(name.Key)));
    }

    [Theory]
    [InlineData("会津", "会津(あいづ)")]
    [InlineData("相双地域", "相双(そうそう)地域(ちいき)")]
    [InlineData("浜通りに対し", "浜通(はまどお)りに対(たい)し")]
    [InlineData("南会津", "南(みなみ)会津(あいづ)")]
    [InlineData("東日本大震災", "東日本(ひがしにほん)大震災(だいしんさい)")]
    [InlineData("避難者見守り活動支援事業", "避難(ひなん)者(しゃ)見守(みまも)り活動(かつどう)支援(しえん)事業(じぎょう)")]
    [InlineData("取り組み", "取(と)り組(く)み")]
    [InlineData("米の全量全袋検査", "米(こめ)の全量(ぜんりょう)全袋(ぜんぶくろ)検査(けんさ)")]
    public void Proper_nouns_come_from_the_reading_list_and_okurigana_stay_outside_the_ruby(string text, string expected)
    {
        Assert.Equal(expected, Annotated(text));
    }

    [Theory]
    [InlineData("タブレットを使う", "タブレットを使(つか)う")]
    [InlineData("ICT 2017 年度", "ICT 2017 年度(ねんど)")]
    [InlineData("ふくしま", "ふくしま")]
    [InlineData("", "")]
    public void Only_runs_with_kanji_get_a_reading_and_spaces_are_kept(string text, string expected)
    {
        Assert.Equal(expected, Annotated(text));
    }

    [Fact]
    public void The_segments_put_together_are_the_text_for_every_cell_of_the_plan()
    {
        Assert.All(BundledPlan.CleanFields, field => Assert.Equal(field, string.Concat(Annotator.Annotate(field).Select(s => s.Text))));
    }

    [Fact]
    public void Every_reading_is_hiragana_and_stands_over_kanji()
    {
        var segments = BundledPlan.CleanFields.SelectMany(Annotator.Annotate).Where(s => s.Reading is not null).ToList();

        Assert.NotEmpty(segments);
        Assert.All(segments, s =>
        {
            Assert.Contains(s.Text, c => IctPlanAssistant.Text.JapaneseCharacters.IsKanji(c));
            Assert.Matches("^[\u3041-\u309Fー]+$", s.Reading);
        });
    }

    [Fact]
    public void A_kanji_word_mecab_does_not_know_is_left_without_a_reading()
    {
        var segments = Annotator.Annotate("䨺䨻");

        Assert.All(segments, s => Assert.Null(s.Reading));
    }

    [Fact]
    public void A_reading_list_line_that_is_not_a_word_and_a_hiragana_reading_is_refused_with_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# comment\n会津\tあいづ\n相双\tソウソウ\n");

            var error = Assert.Throws<FormatException>(() => ReadingAnnotator.Load(path));

            Assert.StartsWith($"{path}:3:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
