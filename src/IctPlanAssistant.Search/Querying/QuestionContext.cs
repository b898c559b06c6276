using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Where what the asker says of themselves ends and the question begins: at the last clause that ends in a
/// conjunctive particle (うちの親がもう80過ぎなんだけど、… ; 心配なので、… ; 調べているんですが、… ; 教員をしておりまして、…) or the last sentence that
/// ends in 。 or ！ before the question. Its words describe the asker's situation, not the projects asked for.
/// A sentence that ends in ？ is a question of its own (ドローンの事業は？ロボットは？), never context.
/// </summary>
internal static partial class QuestionContext
{
    /// <summary>Conjunctive particles (MeCab's 助詞-接続助詞) that end a clause of context: but, since, and so.</summary>
    private static readonly HashSet<string> ClauseEnds = ["けど", "けれど", "けれども", "が", "ので", "から", "のに", "し"];

    private static readonly HashSet<string> SentenceEnds = ["。", "！", "!"];

    /// <summary>
    /// Words (base forms) by which a clause says what the asker wants (キャッシュレス決済入れたいんだけど、補助金ある？): such a
    /// clause is what the question is about, and no context. What the asker is doing (記事のために調べているのですが) is context.
    /// </summary>
    private static readonly HashSet<(string PartOfSpeech, string BaseForm)> Wants = [("助動詞", "たい"), ("形容詞", "ほしい"), ("形容詞", "欲しい")];

    /// <summary>Verbs (base forms) of asking: wanting to ask (議会で質問したい, 聞きたい) says what the asker is doing, not what they want of the plan.</summary>
    private static readonly HashSet<string> Asking = ["聞く", "訊く", "尋ねる", "伺う", "質問", "確認", "問い合わせる", "相談"];

    /// <summary>
    /// Verbs (base forms) of the asker's own work with what they will be told (記事で扱いたいので、… ; 資料にまとめたいから、…):
    /// wanting to do it, as the reason for asking, says why they ask, not what they want of the plan.
    /// </summary>
    private static readonly HashSet<string> OwnWork = ["扱う", "書く", "まとめる", "載せる", "紹介", "報告", "説明", "調べる", "参考", "比較", "比べる", "記事", "取材"];

    /// <summary>
    /// Nouns of the occasion the asker asks for (次の委員会の準備で、… ; 記事の取材で、… ; レポートの参考に、…): said with で or に
    /// before a comma, they close a clause of what the asker is doing, as a conjunctive particle does.
    /// </summary>
    private static readonly HashSet<string> Occasions = ["準備", "調査", "研究", "勉強", "取材", "記事", "資料", "レポート", "宿題", "卒論", "参考"];

    /// <summary>Whether the morpheme is a noun of the asker's occasion (<see cref="Occasions"/>: 準備 of 議会の準備で).</summary>
    public static bool IsOccasion(QueryText query, MeCabMorpheme morpheme) => Occasions.Contains(BaseForm(query, morpheme));

    /// <summary>Whether the で or に at <paramref name="index"/>, before a comma, follows a noun of the asker's occasion (<see cref="Occasions"/>).</summary>
    private static bool ClosesAnOccasion(QueryText query, int index)
    {
        var morphemes = query.Morphemes;
        if (index == 0 || index + 1 >= morphemes.Count || query.Text[morphemes[index].Start..morphemes[index].End] is not ("で" or "に") ||
            !morphemes[index].Features.PartOfSpeech.StartsWith("助詞-格助詞", StringComparison.Ordinal) ||
            !IsComma(query.Text[morphemes[index + 1].Start..morphemes[index + 1].End])) return false;
        return IsOccasion(query, morphemes[index - 1]);
    }

    /// <summary>Conjunctive particles of a reason (ので, から): a want closed by one is why the asker asks.</summary>
    private static readonly HashSet<string> Reasons = ["ので", "から"];

    /// <summary>
    /// Whether the want at <paramref name="index"/> is a want of the asker's own work given, before the question, as the
    /// reason for asking (記事で扱いたいので、当初予算で10億円を超えている事業を全部挙げて): context, as what the asker is doing is.
    /// </summary>
    private static bool WantsForOwnWork(QueryText query, int index)
    {
        var morphemes = query.Morphemes;
        // Said after the question (…なったんでしょうか。記事にしたいので数字を正確に知りたいです), it leaves the question where it was.
        if (query.HasSentenceEndBetween(0, morphemes[index].Start) || !WantsOwnWork(query, index)) return false;
        // The reason particle closes the clause within a few words (扱いたい・ので ; まとめたい・んで・すが is no reason).
        for (var i = index + 1; i < morphemes.Count && i <= index + 4; i++)
        {
            var surface = query.Text[morphemes[i].Start..morphemes[i].End];
            if (morphemes[i].Features.PartOfSpeech.StartsWith("助詞-接続助詞", StringComparison.Ordinal)) return Reasons.Contains(surface);
            if (SentenceEnds.Contains(surface) || IsComma(surface)) return false;
        }
        return false;
    }

    /// <summary>Whether the want at <paramref name="index"/> is of the asker's own work (<see cref="OwnWork"/>: まとめ・たい, 参考に・し・たい).</summary>
    private static bool WantsOwnWork(QueryText query, int index)
    {
        var verb = VerbWanted(query, index);
        if (verb >= 1 && query.Text[query.Morphemes[verb].Start..query.Morphemes[verb].End] is "に") verb--; // 参考にしたい
        return verb >= 0 && OwnWork.Contains(BaseForm(query, verb));
    }

    /// <summary>
    /// Whether the want at <paramref name="index"/> is a want to ask, of nothing the clause names (議会で質問・し・たい, 聞き・たい):
    /// what one wants to ask about (ドローンの予算を確認したい, 防災について聞きたい) is the question's.
    /// </summary>
    private static bool WantsToAsk(QueryText query, int index)
    {
        var morphemes = query.Morphemes;
        var verb = VerbWanted(query, index);
        if (verb < 0 || !Asking.Contains(BaseForm(query, verb))) return false;
        for (var i = verb - 1; i >= 0; i--)
        {
            var surface = query.Text[morphemes[i].Start..morphemes[i].End];
            if (SentenceEnds.Contains(surface) || IsComma(surface)) break;
            if (surface is "を" or "について" or "に関して" || (surface == "つい" && i + 1 < verb && query.Text[morphemes[i + 1].Start..morphemes[i + 1].End] == "て")) return false;
        }
        return true;
    }

    /// <summary>The index of the verb the want at <paramref name="index"/> is of (聞き・たい; 質問・し・たい: the noun before する), -1 when none.</summary>
    private static int VerbWanted(QueryText query, int index)
    {
        var verb = index - 1;
        return verb >= 1 && query.Morphemes[verb].Features.BaseForm == "する" ? verb - 1 : verb;
    }

    private static string BaseForm(QueryText query, int index) => BaseForm(query, query.Morphemes[index]);

    private static string BaseForm(QueryText query, MeCabMorpheme m) => m.Features.BaseForm ?? query.Text[m.Start..m.End];

    /// <summary>Whether a morpheme's surface is a comma (、, or one typed full- or half-width).</summary>
    private static bool IsComma(string surface) => surface is "、" or "，" or ",";

    /// <summary>
    /// Adnominals by which the question points back at what the asker described (山奥で携帯の電波が入らないんだけど、そういう
    /// 田舎の電波をなんとかする事業ってある？): there the description is what is asked about, and no context.
    /// </summary>
    private static readonly HashSet<string> PointBack = ["そういう", "そんな", "こういう", "こんな", "そうした", "こうした", "ああいう", "あんな"];

    /// <summary>
    /// Pronouns by which the question begins by pointing at what the asker described (…動画を作ったって聞いたんだけど、それって
    /// どの事業？): the description is what is asked about.
    /// </summary>
    private static readonly HashSet<string> PointBackPronouns = ["それ", "これ", "あれ", "そちら", "こちら"];

    /// <summary>The offset where the context ends (0: the question has none).</summary>
    /// <param name="remark">Where a remark after the question begins (<see cref="RemarkStart"/>): the sentence before it is the question.</param>
    public static int End(QueryText query, int remark)
    {
        var end = Described(query, remark);
        if (end == 0) return 0;
        var after = query.Morphemes.Where(m => m.Start >= end && !m.Features.PartOfSpeech.StartsWith("記号", StringComparison.Ordinal)).ToList();
        var pointer = after.FindIndex(m => m.Features.Category == "連体詞" && PointBack.Contains(query.Text[m.Start..m.End]));
        // A description of its own between the context and the pointer (元消防士です。最近近所で詐欺の被害が多くて、県でそういう
        // 被害を防ぐ…: 多くて) is what the pointer points at: the context before it stays context.
        if (pointer > 0 && ClosesAClause(after, pointer)) pointer = -1;
        var pointsBack = pointer >= 0 ||
                         (after.Count > 0 && after[0].Features.PartOfSpeech.StartsWith("名詞-代名詞", StringComparison.Ordinal) &&
                          PointBackPronouns.Contains(query.Text[after[0].Start..after[0].End]));
        return pointsBack ? 0 : end;
    }

    /// <summary>
    /// Whether the morphemes before <paramref name="end"/> hold a clause of their own: a verb or adjective closed by a
    /// conjunctive particle (多く・て、県で…), not one that goes on as an auxiliary (やっ・て・る) or modifies what follows
    /// (県がやってるそういう取り組み).
    /// </summary>
    private static bool ClosesAClause(List<MeCabMorpheme> morphemes, int end)
    {
        var predicate = false;
        for (var i = 0; i < end; i++)
        {
            var pos = morphemes[i].Features.PartOfSpeech;
            if (pos.StartsWith("動詞-自立", StringComparison.Ordinal) || pos.StartsWith("形容詞-自立", StringComparison.Ordinal)) predicate = true;
            else if (predicate && pos.StartsWith("助詞-接続助詞", StringComparison.Ordinal) &&
                     !(i + 1 < morphemes.Count && morphemes[i + 1].Features.PartOfSpeech.StartsWith("動詞-非自立", StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    private static int Described(QueryText query, int remark)
    {
        var end = 0;
        var morphemes = query.Morphemes;
        for (var i = 0; i < morphemes.Count - 1; i++)
        {
            var m = morphemes[i];
            if (Wants.Contains((m.Features.Category, m.Features.BaseForm ?? "")) && !WantsToAsk(query, i) && !WantsForOwnWork(query, i))
                break; // this clause and what follows are the question
            var surface = query.Text[m.Start..m.End];
            var conjunctive = m.Features.PartOfSpeech.StartsWith("助詞-接続助詞", StringComparison.Ordinal);
            var closes = SentenceEnds.Contains(surface) || (conjunctive && ClauseEnds.Contains(surface) && !IsPurpose(query, i) && !IsHearsay(query, i)) ||
                         (conjunctive && IsAskersTe(query, i)) || ClosesAnOccasion(query, i);
            // Only where a question follows: a clause ending the text (…あるのかな、子どもが…予定で) is not before it.
            if (closes && HasWordAfter(query, i) && m.End < remark) end = m.End;
        }
        return end;
    }

    /// <summary>Words (base forms) by which a sentence says what would do for an answer (千円単位でOKです, ざっくりでいい, 概算で構いません).</summary>
    private static readonly HashSet<string> WouldDo = new(StringComparer.OrdinalIgnoreCase) { "OK", "オッケー", "いい", "よい", "良い", "大丈夫", "構う", "かまう", "結構", "けっこう" };

    /// <summary>
    /// Where a remark after the question begins (…いくらになります？千円単位でOKです): the first sentence after a ？, ！ or 。 that says
    /// what would do for an answer (…でOK, …でいい, …で大丈夫, 載ってないものは抜いてかまいません), why the asker asks
    /// (記事で使いたいので) or what they will do with the answer (議員に説明する用にまとめたい), and all after it (a filler such as
    /// 部署関係なく全部知りたいんだけど may follow). Its words are the answer's form or the asker's purpose, not the projects asked
    /// about. The text's length where there is none.
    /// </summary>
    public static int RemarkStart(QueryText query)
    {
        var morphemes = query.Morphemes;
        var sentenceEnd = -1;
        for (var i = 1; i < morphemes.Count; i++)
        {
            if (query.HasSentenceEndBetween(morphemes[i - 1].Start, morphemes[i].Start))
            {
                sentenceEnd = i - 1;
                continue;
            }
            if (sentenceEnd < 0 || i < sentenceEnd + 2) continue;
            var m = morphemes[i];
            var surface = query.Text[m.Start..m.End];
            var before = morphemes[i - 1];
            if (query.Text.AsSpan(before.Start, before.End - before.Start) is "で" or "て" or "でも" or "ても" && (WouldDo.Contains(m.Features.BaseForm ?? surface) || WouldDo.Contains(surface)))
                return morphemes[sentenceEnd].End;
            // Or why the asker asks (…いくらになる？記事で使いたいので正確に): a want closed by a reason particle.
            if (Reasons.Contains(surface) && m.Features.PartOfSpeech.StartsWith("助詞-接続助詞", StringComparison.Ordinal) &&
                Wants.Contains((before.Features.Category, before.Features.BaseForm ?? "")))
                return morphemes[sentenceEnd].End;
            // Or what the asker will do with the answer (…どれ？議員に説明する用にまとめたい): a want of their own work.
            if (Wants.Contains((m.Features.Category, BaseForm(query, m))) && WantsOwnWork(query, i))
                return morphemes[sentenceEnd].End;
        }
        return query.Text.Length;
    }

    /// <summary>
    /// Whether the のに at <paramref name="index"/> follows a verb in its dictionary form: a purpose (家に光ファイバーを引くのに、
    /// 県の補助は… ; 設計図書を見るのに、…), what the question asks help for, not the asker's situation that a concessive のに
    /// after a past (目標を立てていたのに、…) closes.
    /// </summary>
    private static bool IsPurpose(QueryText query, int index)
    {
        if (index == 0 || query.Text.AsSpan(query.Morphemes[index].Start, query.Morphemes[index].End - query.Morphemes[index].Start) is not "のに") return false;
        var before = query.Morphemes[index - 1].Features;
        return before.PartOfSpeech.StartsWith("動詞-自立", StringComparison.Ordinal) && before.InflectionForm == "基本形";
    }

    /// <summary>Verbs (base forms) by which a clause reports what the asker heard or read: ドローンを配ったって聞いた.</summary>
    private static readonly HashSet<string> Hearing = ["聞く", "耳にする", "読む", "見る"];

    /// <summary>Auxiliaries (base forms) of hearsay: ドローンを配ったらしい, 配ったそうだ.</summary>
    private static readonly HashSet<string> HearsayAuxiliaries = ["らしい", "そう"];

    /// <summary>
    /// Whether the clause the particle at <paramref name="index"/> closes reports what the asker heard (土木部でドローン配ったって
    /// 聞いたけど、なんていう事業？ ; ドローンを配ったらしいけど、…): what they heard of is what they ask about, not their situation.
    /// </summary>
    private static bool IsHearsay(QueryText query, int index)
    {
        var morphemes = query.Morphemes;
        var i = index - 1;
        for (; i >= 0; i--)
        {
            var m = morphemes[i];
            if (HearsayAuxiliaries.Contains(BaseForm(query, m)) && m.Features.Category is "助動詞" or "名詞") return true;
            if (m.Features.Category != "助動詞" && !m.Features.PartOfSpeech.StartsWith("名詞-非自立", StringComparison.Ordinal)) break;
        }
        if (i < 1 || !Hearing.Contains(BaseForm(query, i))) return false;
        var before = query.Text[morphemes[i - 1].Start..morphemes[i - 1].End];
        return before is "と" or "って" or "たって" or "だって";
    }

    /// <summary>
    /// Auxiliaries (part of speech, base form) whose て-form before a comma closes a clause of the asker's own: polite ones
    /// (教員をしておりまして、… ; 主婦でして、…) and those of what one is doing (監査の資料つくってて、 ; 病院で働いていて、).
    /// </summary>
    private static readonly (string PartOfSpeech, string BaseForm)[] AskersTe =
        [("助動詞", "ます"), ("助動詞", "です"), ("動詞-非自立", "てる"), ("動詞-非自立", "いる"), ("動詞-非自立", "おる")];

    /// <summary>
    /// Whether the morpheme is the て of one of <see cref="AskersTe"/> before a comma: the asker introducing themselves or
    /// saying what they do. A plain て-form (タブレットを使って、学習する) goes on describing the thing asked about.
    /// </summary>
    private static bool IsAskersTe(QueryText query, int index)
    {
        var morphemes = query.Morphemes;
        if (index == 0 || index + 1 >= morphemes.Count || query.Text[morphemes[index].Start..morphemes[index].End] is not ("て" or "で")) return false;
        var before = morphemes[index - 1].Features;
        var after = morphemes[index + 1];
        return AskersTe.Any(a => before.PartOfSpeech.StartsWith(a.PartOfSpeech, StringComparison.Ordinal) && before.BaseForm == a.BaseForm) &&
               IsComma(query.Text[after.Start..after.End]);
    }

    /// <summary>
    /// The question's bracketed asides (<see cref="QueryText.Asides"/>) that follow a condition or a name it was read for
    /// (予算の金額が入ってない（空欄とか線になってる）; pillar 3 (safety, security and disaster response)): they say what that
    /// condition or name is, not what the rows must say. Call when the conditions and names have been read (consumed).
    /// An aside after the words asked about (the emergency network (dedicated lines, video conferencing)) says which
    /// one: its words are the question's.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> AsidesOnFilters(QueryText query)
    {
        if (query.Asides.Count == 0) return [];
        return query.Asides.Where(a =>
        {
            var before = a.Start - 1;
            while (before >= 0 && query.Text[before] == ' ') before--;
            return before >= 0 && query.IsConsumed(before);
        }).ToList();
    }

    /// <summary>Words of an English sentence by which the asker says what they want (I'm looking for…, we need…): the question.</summary>
    private static readonly HashSet<string> EnglishWants = ["want", "wanted", "like", "need", "needs", "looking", "interested"];

    /// <summary>
    /// What of an English question is context: the sentences it begins with (I'm a consultant reviewing your
    /// e-government portfolio. Which projects…? ; For a story on people still displaced: which projects…?), each ending
    /// in . ! or : before the last one, unless it says what the asker wants; and a sentence after the one that asks
    /// (…the special needs one? I heard it was popular.).
    /// </summary>
    public static EnglishContext EnglishSpans(QueryText query)
    {
        // Sentences end in the question as written; the normalised text has no punctuation, so the ends are found again
        // there by counting words.
        var text = query.Original;
        var end = 0;
        var from = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (!(text[i] is '.' or '!' or ':' || text[i] == '?' && EndsInATag(text, i)) || !char.IsWhiteSpace(text[i + 1]) || !text[(i + 1)..].Any(char.IsLetter) || EndsAnAbbreviation(text, i)) continue;
            if (Says(text[from..i], EnglishWants) && !WantsToKnow(text[from..i])) break;
            end = i;
            from = i + 1;
        }
        var asked = text.LastIndexOf('?');
        // A project told again after the question (…? the kyoujinsei one) is what it asks about, not a remark.
        var after = asked > end && asked < text.Length - 1 && text[(asked + 1)..].Any(char.IsLetter) && !SaysAWantOfThePlan(text[(asked + 1)..]) &&
                    !QuestionConditions.TellsOneIn(text[(asked + 1)..])
            ? OffsetAfterWords(query, Words(text[..asked]).Length)
            : query.Text.Length;
        return new EnglishContext(end == 0 ? 0 : OffsetAfterWords(query, Words(text[..end]).Length), after);
    }

    /// <summary>
    /// Whether the question mark at <paramref name="mark"/> closes a statement with a tag (tourism is under Shoko Rodo-bu,
    /// right? …): what the asker believes, said before what they ask, as a sentence of context is.
    /// </summary>
    private static bool EndsInATag(string text, int mark) => TagQuestion().IsMatch(text[..mark]);

    [System.Text.RegularExpressions.GeneratedRegex(@"[ ,](?:right|correct|yeah|yes|no|isn't it|aren't they|don't they|doesn't it)\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TagQuestion();

    /// <summary>Abbreviations whose stop ends no sentence (…with municipal libraries, e.g. for interlibrary loans?).</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
        { "e.g", "eg", "i.e", "ie", "etc", "vs", "approx", "incl", "esp", "no", "nos", "dept", "govt", "pref", "univ", "mr", "mrs", "ms", "dr", "st", "u.s", "jp" };

    /// <summary>Whether the stop at <paramref name="stop"/> ends an abbreviation (e.g., etc., Dept.), not a sentence.</summary>
    private static bool EndsAnAbbreviation(string text, int stop)
    {
        if (text[stop] != '.') return false;
        var start = stop;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        return Abbreviations.Contains(text[start..stop]);
    }

    /// <summary>
    /// Whether the sentence's want is a want to know (I'm with an embassy and want to understand how …): what the asker is
    /// doing, as wanting to ask is in Japanese, not what they want of the plan.
    /// </summary>
    private static bool WantsToKnow(string sentence) => KnowingWant().IsMatch(sentence);

    /// <summary>
    /// Whether a sentence after the question says what the asker wants of the plan (…? I need the ones with a budget), not
    /// why they ask: wanting to know (want to know which division to pitch to) and needing the answer for their own work
    /// (need it for a report) say what they will do with it.
    /// </summary>
    private static bool SaysAWantOfThePlan(string sentence) => Says(sentence, EnglishWants) && !WantsToKnow(sentence) && !NeededForOwnWork().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:need|needs|needed)\s+(?:it|them|this|these|that|those)\s+for\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NeededForOwnWork();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:want|wanted|wants|need|needs|like|would like|'d like)\s+to\s+(?:understand|know|learn|find out)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KnowingWant();

    private static bool Says(string sentence, HashSet<string> words) => Words(sentence).Select(w => w.ToLowerInvariant()).Any(words.Contains);

    /// <summary>Where the normalised text stands after its first <paramref name="words"/> words.</summary>
    private static int OffsetAfterWords(QueryText query, int words)
    {
        var at = 0;
        for (var w = 0; w < words && at < query.Text.Length; w++)
        {
            while (at < query.Text.Length && query.Text[at] == ' ') at++;
            while (at < query.Text.Length && query.Text[at] != ' ') at++;
        }
        return at;
    }

    private static string[] Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text, @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToArray();

    private static bool HasWordAfter(QueryText query, int index) =>
        query.Morphemes.Skip(index + 1).Any(m => !m.Features.PartOfSpeech.StartsWith("記号", StringComparison.Ordinal) &&
                                                 !m.Features.PartOfSpeech.StartsWith("助詞", StringComparison.Ordinal));
}

/// <summary>
/// The context of an English question: its text up to <paramref name="End"/> and from <paramref name="After"/> on, and
/// what it says in brackets of a condition or name (<see cref="QuestionContext.AsidesOnFilters"/>).
/// </summary>
internal readonly record struct EnglishContext(int End, int After)
{
    public IReadOnlyList<(int Start, int End)>? Asides { get; init; }

    public bool Holds(int start, int end) => end <= End || start >= After || (Asides is { Count: > 0 } && Asides.Any(a => start >= a.Start && end <= a.End));
}

/// <summary>
/// The context of a Japanese question: its text before <paramref name="End"/> (what the asker says of themselves),
/// from <paramref name="RemarkStart"/> on (a remark after the question on what would do for an answer), and what it
/// says in brackets of a condition or name (<see cref="QuestionContext.AsidesOnFilters"/>).
/// </summary>
internal readonly record struct JapaneseContext(int End, int RemarkStart)
{
    public static JapaneseContext None { get; } = new(0, int.MaxValue);

    public static JapaneseContext Of(QueryText query)
    {
        var remark = QuestionContext.RemarkStart(query);
        return new(QuestionContext.End(query, remark), remark);
    }

    public IReadOnlyList<(int Start, int End)> Asides { get; init; } = [];

    /// <summary>Whether no word of the question is context.</summary>
    public bool IsEmpty(int length) => End <= 0 && RemarkStart >= length && Conditions.Count == 0 && Asides.Count == 0;

    /// <summary>
    /// Spans of the question inside a condition said with words between its own (目標の件数とか人数に届かなかった: 目標…届く):
    /// the words there describe the condition, not the projects asked for.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> Conditions { get; init; } = [];

    /// <summary>Whether a word starting here is context.</summary>
    public bool Holds(int start) => start < End || start >= RemarkStart || Conditions.Any(c => start > c.Start && start < c.End) ||
                                    Asides.Any(a => start >= a.Start && start < a.End);
}
