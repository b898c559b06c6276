using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The things a Japanese question is about, as term groups: the glossary's terms, then the content words MeCab finds in
/// what nothing else understood. Words joined by a list word (や, か, とか, または, AでもBでも, A、B) are one group of
/// alternatives. Nouns written together (ふるさと納税, ビッグデータ) are also searched as a compound, and their parts are
/// marked as its parts, so that where the plan has the compound the parts alone count little. Two nouns joined by の
/// (会計のシステム) are also searched as a phrase, the first modifying the second.
/// </summary>
internal sealed class JapaneseTermReader(IReadOnlySet<string> stopWords)
{
    private static readonly HashSet<string> OrWords = ["や", "か", "とか", "たり", "だり", "または", "もしくは", "あるいは", "又は", "或いは", "なり"];

    /// <param name="context">What of the question is context (<see cref="JapaneseContext.Of"/>): its words are marked so.</param>
    /// <param name="parts">The parts of a question that asks for two things: each word is marked with its part.</param>
    public List<TermGroup> Read(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords, JapaneseContext context, QuestionParts parts)
    {
        var words = new List<TermGroup>();
        var phrase = new List<ContentWord>();
        var joints = new List<string>();
        (int Head, bool IsNoun)? previous = null;
        var items = ContentAndJoints(query, glossaryTerms, kanaWords, context, parts);
        var next = 0; // the item after the phrase being read
        void EndPhrase()
        {
            if (phrase.Count == 0) return;
            var isNoun = phrase[^1].IsNoun;
            var head = phrase.Count == 1 ? phrase[0].Group
                : new TermGroup(query.Text[phrase[0].Start..phrase[^1].End], CompoundSpellings(query, phrase), TermKind.Compound) { InContext = phrase[0].Group.InContext, Part = phrase[0].Group.Part };
            // Items of one list are alike: a noun and then a verb (ニュースとか届けてくれる) is a hedged noun and what is done with it.
            if (previous is { } p && p.IsNoun == isNoun && IsList(joints, JointsFrom(items, next)))
            {
                // A list's member is the whole of what stands between its list words (マイナンバーとか番号制度: 番号制度):
                // the parts of a compound member are no words of their own.
                var member = words[p.Head];
                var either = Either(member, head);
                words[p.Head] = either;
                words.RemoveAll(w => w.PartOf is { } compound && compound == member.Text);
                var at = words.IndexOf(either);
                // AでもBでも is "be it A or B": it says which projects it includes, not which it wants.
                if (joints is ["で", "も"]) words[at] = words[at] with { Kind = TermKind.Aside };
                previous = (at, p.IsNoun);
            }
            else
            {
                if (phrase.Count > 1)
                {
                    foreach (var part in phrase) Add(words, part.Group with { PartOf = head.Text });
                }
                var added = Add(words, head);
                var index = words.FindIndex(w => w.Text == head.Text || w.Alternatives.SequenceEqual(head.Alternatives));
                if (added && previous is { IsNoun: true } a && isNoun && joints is ["の"])
                {
                    if (words[a.Head].Kind == TermKind.Word) words[a.Head] = words[a.Head] with { Kind = TermKind.Modifier };
                    // After a list (川の水位とか雨の量), the noun before の is the list's last item: 雨の量, not 水位の量.
                    var modifier = words[a.Head].Members is [.., var last] ? last : words[a.Head];
                    Add(words, new TermGroup(modifier.Alternatives[0] + "の" + head.Text, [modifier.Alternatives[0] + head.Alternatives[0]], TermKind.Link) { InContext = head.InContext, Part = head.Part });
                }
                previous = (index, isNoun);
            }
            phrase.Clear();
            joints.Clear();
        }
        for (; next < items.Count; next++)
        {
            var item = items[next];
            if (item.Content is not { } word)
            {
                EndPhrase();
                joints.Add(item.Joint!);
                continue;
            }
            // Nouns written together are one phrase (ふるさと納税); anything else ends it.
            var adjacent = phrase.Count > 0 && phrase[^1].IsNoun && word.IsNoun && phrase[^1].End == word.Start;
            if (!adjacent) EndPhrase();
            phrase.Add(word);
        }
        EndPhrase();
        foreach (var (described, verbalNoun) in PeopleDescribed(query, words).ToList())
        {
            // The verbal noun is part of naming them: where the plan names them so, it alone (避難情報) says little.
            var at = words.FindIndex(w => w == verbalNoun);
            if (Add(words, described) && at >= 0 && words[at].PartOf is null) words[at] = words[at] with { PartOf = described.Text };
        }
        return words;
    }

    /// <summary>Words for the people a question describes by what they do (避難している人), as the plan may write them after it (避難している住民).</summary>
    private static readonly string[] PersonWords = ["人", "方", "住民", "方々", "人たち"];

    /// <summary>Suffixes that name the one who does it (避難者, 受講生); a question may end its description in 者 too.</summary>
    private static readonly string[] DoerSuffixes = ["者", "生"];

    /// <summary>
    /// The people the question describes by a verbal noun done (避難している人, 避難してる方), as the plan names them: 避難者,
    /// 避難している住民. Searched as a compound of the verbal noun, so that where the plan names them, rows about the people
    /// (県外避難者) decide, not every row with the word (避難情報); where it does not, it is passed over.
    /// </summary>
    private IEnumerable<(TermGroup Described, TermGroup VerbalNoun)> PeopleDescribed(QueryText query, List<TermGroup> words)
    {
        foreach (var m in query.Morphemes)
        {
            if (!IsVerbalNounDone(query, m)) continue;
            var verbalNoun = query.Text[m.Start..m.End];
            if (words.FirstOrDefault(w => w.Text == verbalNoun || w.Alternatives.Contains(verbalNoun)) is not { } done) continue;
            if (HeadAfterDoing(query, m) is not { } head) continue;
            var person = query.Text[head.Start..head.End];
            if (!PersonWords.Contains(person) && !PersonWords.Contains(head.Features.BaseForm ?? "") && person != DoerSuffixes[0]) continue;
            yield return (new TermGroup(verbalNoun + query.Text[m.End..head.Start] + person,
                [.. DoerSuffixes.Select(s => verbalNoun + s), .. PersonWords.Select(p => verbalNoun + "している" + p)], TermKind.Compound) { InContext = done.InContext, DescribesPeople = true, Part = done.Part }, done);
        }
    }

    /// <summary>
    /// Whether the words between two content words make them alternatives: a list word (after the first item's する:
    /// 運用したり改修したり), AでもBでも, or A、B alone, with nothing else between. A list word followed by a verb is a
    /// hedge (ドローンとか使ってる: drones and the like), and what comes after it (災害のときとか飛ばしてる) is no second item.
    /// </summary>
    private static bool IsList(List<string> joints, IEnumerable<string> after)
    {
        // AでもBでも: a second でも after B (小さい会社でもパソコンを: one でも is "even", no list).
        if (joints is ["で", "も"]) return after.Take(2).SequenceEqual(["で", "も"]);
        if (joints is ["、"]) return true;
        var last = joints.FindLastIndex(OrWords.Contains);
        return last >= 0 &&
               joints.Skip(last + 1).All(j => j is "、" or "で" or "も") &&
               joints.Take(last).All(j => OrWords.Contains(j) || j is "、" or "する");
    }

    /// <summary>The joints that follow item <paramref name="from"/> on, up to the next content word.</summary>
    private static IEnumerable<string> JointsFrom(List<Item> items, int from) =>
        items.Skip(from).TakeWhile(i => i.Content is null).Select(i => i.Joint!);

    /// <summary>
    /// A compound as the question wrote it and, where a part is written in Latin letters that the glossary spells in
    /// Japanese (Facebookページ: フェイスブック), as the plan would write it (フェイスブックページ).
    /// </summary>
    private static List<string> CompoundSpellings(QueryText query, List<ContentWord> phrase)
    {
        var written = query.Text[phrase[0].Start..phrase[^1].End];
        var respelled = string.Concat(phrase.Select(p => query.Text[p.Start..p.End] is var part && part.All(c => c < 0x80)
            ? p.Group.Alternatives.FirstOrDefault(a => a.Any(c => c >= 0x80)) ?? part : part));
        return respelled == written ? [written] : [written, respelled];
    }

    /// <summary>One group of either word (ドローン・ロボット), matching what either matches.</summary>
    public static TermGroup Either(TermGroup a, TermGroup b) => a with
    {
        Text = a.Text + TermGroup.ListSeparator + b.Text,
        Alternatives = [.. a.Alternatives.Union(b.Alternatives)],
        Readings = [.. a.Readings.Union(b.Readings)],
        Kind = a.Kind == TermKind.UnknownEnglish ? b.Kind : a.Kind,
        PartOf = null,
        InContext = a.InContext && b.InContext,
        Members = [.. ItemsOf(a), .. ItemsOf(b)],
    };

    private static IReadOnlyList<TermGroup> ItemsOf(TermGroup group) => group.Members.Count > 0 ? group.Members : [group with { PartOf = null }];

    /// <summary>
    /// Adds a group unless one with the same spellings is there already; a word said in the context and again in the
    /// question (スマートフォンを使い始めたところです。…スマホで見られる…) is the question's.
    /// </summary>
    private static bool Add(List<TermGroup> words, TermGroup group)
    {
        var same = words.FindIndex(w => w.Text == group.Text || w.Alternatives.SequenceEqual(group.Alternatives));
        if (same < 0)
        {
            words.Add(group);
            return true;
        }
        if (words[same].InContext && !group.InContext) words[same] = words[same] with { InContext = false };
        return false;
    }

    private readonly record struct ContentWord(TermGroup Group, int Start, int End, bool IsNoun);

    /// <summary>A content word, or the joint between two (a particle, a comma, or "" for a word that is neither).</summary>
    private readonly record struct Item(ContentWord? Content, string? Joint);

    /// <summary>
    /// The items, those of what the asker says of themselves before the question or of a remark after it marked as context,
    /// each marked with the part of the question it stands in.
    /// </summary>
    private List<Item> ContentAndJoints(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords, JapaneseContext context, QuestionParts parts)
    {
        var items = ContentAndJoints(query, glossaryTerms, kanaWords);
        if (parts.Count > 1)
            items = items.Select(i => i.Content is { } c ? i with { Content = c with { Group = c.Group with { Part = parts.Of(c.Start) } } } : i).ToList();
        return context.IsEmpty(query.Text.Length) ? items
            : items.Select(i => i.Content is { } c && context.Holds(c.Start) ? i with { Content = c with { Group = c.Group with { InContext = true } } } : i).ToList();
    }

    private List<Item> ContentAndJoints(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords)
    {
        var items = new List<Item>();
        var emitted = new HashSet<int>();
        var unknownKana = kanaWords.Where(k => !k.Known).ToList();
        var emittedKana = new HashSet<int>();
        foreach (var m in query.Morphemes)
        {
            var surface = query.Text[m.Start..m.End];
            // (Only where nothing else read it first: なんだい asks for units, でいくら for a budget.)
            var kana = unknownKana.FindIndex(k => m.Start < k.End && k.Start < m.End && query.IsFree(k.Start, k.End));
            if (kana >= 0)
            {
                // A run of kana the plan has no reading for is one unknown word, not MeCab's pieces of it.
                var k = unknownKana[kana];
                if (emittedKana.Add(kana)) items.Add(new Item(new ContentWord(new TermGroup(query.Text[k.Start..k.End], [query.Text[k.Start..k.End]]), k.Start, k.End, IsNoun: true), null));
                continue;
            }
            var term = glossaryTerms.FindIndex(t => m.Start < t.End && t.Start < m.End);
            if (term >= 0)
            {
                // A glossary term is one content word, however many morphemes it spans.
                var t = glossaryTerms[term];
                // What almost any project does (支援) ranks as a verb does, but written among nouns it is part of their compound (特別支援学校).
                if (emitted.Add(term)) items.Add(new Item(new ContentWord(new TermGroup(t.Phrase, t.Value.Search, t.Value.IsAction ? TermKind.Verb : TermKind.Word) { Readings = ReadingsWithin(kanaWords, t.Start, t.End) }, t.Start, t.End, IsNoun: !t.Value.IsAction || IsNounInCompound(query, t.Start, t.End)), null));
                continue;
            }
            if (!query.IsFree(m.Start, m.End) || surface.All(c => c < 0x80))
            {
                items.Add(new Item(null, "")); // understood already, or Latin (EnglishTermReader reads it)
                continue;
            }
            var pos = m.Features.PartOfSpeech;
            var baseForm = m.Features.BaseForm ?? surface;
            var isNoun = pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.Contains("非自立") && !pos.Contains("代名詞") && !pos.Contains("数") && !pos.Contains("接尾") && !pos.Contains("副詞可能");
            // An adjectival noun (手軽, 便利, 不自由) describes as an adjective does: it ranks more than it decides.
            var isVerb = pos.StartsWith("動詞-自立", StringComparison.Ordinal) || pos.StartsWith("形容詞-自立", StringComparison.Ordinal) ||
                         pos.StartsWith("名詞-形容動詞語幹", StringComparison.Ordinal);
            var isUnknown = m.IsUnknown && !pos.StartsWith("記号", StringComparison.Ordinal);
            // A run of symbols MeCab does not know (—」) is punctuation, never a word.
            var isContent = (isNoun || isVerb || isUnknown) && surface.Any(char.IsLetterOrDigit) && !IsStopWord(surface, baseForm) &&
                            !(surface.Length == 1 && !JapaneseCharacters.IsKatakana(surface[0]) && surface[0] < 0x4E00);
            if (!isContent)
            {
                // Particles, conjunctions and commas join words; a stop word (する in 運用したり) is passed over.
                var joint = pos.StartsWith("助詞", StringComparison.Ordinal) || pos.StartsWith("接続詞", StringComparison.Ordinal) || pos == "記号-読点"
                    ? surface
                    : IsStopWord(surface, baseForm) ? "する" : "";
                items.Add(new Item(null, joint));
                continue;
            }
            var text = isVerb ? baseForm : surface;
            // A verbal noun done (配信してる, 管理している) is what the project does, as a verb is: it ranks more than it decides.
            var done = !isVerb && IsVerbalNounDone(query, m);
            // The way of doing a thing (使い方) is the doing: it ranks as a verb does. A verbal noun done (船出す) is no noun
            // of a list either (雨の量、船出す前に).
            var kind = isVerb || done || isNoun && query.IsWayOfDoing(m) ? TermKind.Verb : TermKind.Word;
            items.Add(new Item(new ContentWord(new TermGroup(text, [text], kind) { Readings = ReadingsWithin(kanaWords, m.Start, m.End), DescribesThing = done && DescribesThing(query, m) }, m.Start, m.End, isNoun && !done || isUnknown), null));
            query.Consume(m.Start, m.End);
        }
        return items;
    }

    /// <summary>Whether the span is a noun written between other nouns (特別支援学校, 学習支援): no verb (支援する, 支援を).</summary>
    private static bool IsNounInCompound(QueryText query, int start, int end)
    {
        static bool IsNoun(Analysis.MeCab.MeCabMorpheme? m) => m is { } x && x.Features.PartOfSpeech.StartsWith("名詞", StringComparison.Ordinal) && !x.Features.PartOfSpeech.Contains("非自立");
        if (query.MorphemeBefore(end) is not { } last || !IsNoun(last) || IsVerbalNounDone(query, last)) return false;
        return IsNoun(query.MorphemeBefore(start)) || IsNoun(query.MorphemeAfter(end));
    }

    /// <summary>A verbal noun (名詞-サ変接続) followed by する: 配信(してる), 管理(している).</summary>
    private static bool IsVerbalNounDone(QueryText query, Analysis.MeCab.MeCabMorpheme m)
    {
        if (!m.Features.PartOfSpeech.StartsWith("名詞-サ変接続", StringComparison.Ordinal)) return false;
        var next = query.MorphemeAfterSpaces(m.End);
        return next is { } n && n.Features.BaseForm is "する" or "できる" or "される";
    }

    /// <summary>Verbs and auxiliaries of a verbal noun's する (し・て・いる, し・てる, し・た, さ・れ・て・いる).</summary>
    private static readonly HashSet<string> DoingForms = ["する", "できる", "される", "れる", "られる", "いる", "てる", "おる", "ある", "て", "た", "だ", "ます"];

    /// <summary>
    /// Whether a verbal noun done describes the thing named right after it (入院している子ども, 避難している人): a state of that
    /// thing, as the plan names it (入院児童生徒), rather than what the project does (動画を配信している事業, 紹介してるの).
    /// </summary>
    private bool DescribesThing(QueryText query, Analysis.MeCab.MeCabMorpheme m)
    {
        if (HeadAfterDoing(query, m) is not { } head || !head.Features.PartOfSpeech.StartsWith("名詞", StringComparison.Ordinal) ||
            head.Features.PartOfSpeech.Contains("非自立") || head.Features.PartOfSpeech.Contains("代名詞")) return false;
        var surface = query.Text[head.Start..head.End];
        return !IsStopWord(surface, head.Features.BaseForm ?? surface);
    }

    /// <summary>The word after a verbal noun's する and its auxiliaries (入院している子ども: 子ども), if any.</summary>
    private static Analysis.MeCab.MeCabMorpheme? HeadAfterDoing(QueryText query, Analysis.MeCab.MeCabMorpheme m)
    {
        var next = query.MorphemeAfterSpaces(m.End);
        while (next is { } n && DoingForms.Contains(n.Features.BaseForm ?? query.Text[n.Start..n.End])) next = query.MorphemeAfterSpaces(n.End);
        return next;
    }

    /// <summary>
    /// The readings of the words typed in kana that a span is: a word typed in kana also matches by its reading, so
    /// every spelling of it in the plan is found (こども: 子供, 子ども).
    /// </summary>
    private static IReadOnlyList<string> ReadingsWithin(IReadOnlyList<KanaWord> kanaWords, int start, int end) =>
        kanaWords.Count == 0 ? [] : kanaWords.Where(k => k.Known && !k.ChosenAmongHomophones && k.Start >= start && k.End <= end).Select(k => k.Reading).ToList();

    private bool IsStopWord(string surface, string baseForm) => stopWords.Contains(surface) || stopWords.Contains(baseForm);
}
