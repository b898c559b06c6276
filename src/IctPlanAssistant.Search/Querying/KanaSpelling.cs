using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// A word of the question typed in kana: its span in the rewritten text and its reading. Known: rewritten as the plan
/// writes it; not known: a run of kana the plan has no reading for (ほうしゃのう), kept whole as one word rather than
/// the pieces MeCab would cut it into (ほうし・ゃのう). Chosen among homophones by the question's other words (<see cref="Homophones"/>):
/// searched as spelled, not by its reading, which its homophones share.
/// </summary>
public readonly record struct KanaWord(int Start, int End, string Reading, bool Known = true)
{
    public bool ChosenAmongHomophones { get; init; }
}

/// <summary>
/// Reads words typed in hiragana by their readings (ほうしゃせん → 放射線, どろーん → ドローン, こども → 子ども): MeCab cuts
/// hiragana-only text into the wrong words (ほうし・ゃせんの), so each hiragana run is cut instead into the readings the
/// plan's words have (the index's reading fields), longest readings first, and each word found is written as the plan
/// writes it. Runs MeCab reads as function words only (ありますか, している) are left alone, and so are short readings
/// that could be part of another word: a two-kana reading is taken only when it is the whole run, or the run less a
/// particle and an honorific prefix (かわの, おこめの), or right after a longer reading, as a compound's second word
/// (なりすましさぎ).
/// </summary>
public static class KanaSpelling
{
    private const int MinimumReading = 3;

    /// <summary>A reading this long is taken as the word a run typed on its own spells, MeCab's pieces notwithstanding.</summary>
    private const int LongReading = 4;

    private static readonly HashSet<char> Particles = ['の', 'は', 'が', 'を', 'に', 'で', 'と', 'も', 'や', 'か', 'へ'];

    /// <param name="spellingOf">How a dictionary writes a common word typed in kana (ろうじん: 老人; ばす: バス), or null: a run typed
    /// as such a word that the plan has no reading for is that word, however MeCab cuts it (ば・す), and written so.</param>
    /// <param name="rows">How many of the plan's rows have words, or null: of the plan's words of one reading (きかん: 機関, 帰還),
    /// the one the question's other words are found with (<see cref="Homophones"/>); without it, the commonest.</param>
    public static (string Text, IReadOnlyList<KanaWord> Words) Resolve(string text, ReadingVocabulary vocabulary, MeCabModel model, Func<string, string?>? spellingOf = null,
        IWordRows? rows = null)
    {
        var runs = HiraganaRuns(text);
        if (runs.Count == 0) return (text, []);
        var morphemes = new List<MeCabMorpheme>();
        model.Parse(text, morphemes);

        var rewritten = new System.Text.StringBuilder(text.Length);
        var words = new List<KanaWord>();
        var at = 0;
        foreach (var (start, end) in runs)
        {
            var segments = Segment(JapaneseCharacters.HiraganaToKatakana(text[start..end]), vocabulary).ToList();
            // A run that begins inside a verb or adjective written with kanji starts with its okurigana (小さい: さい is no 際).
            var okurigana = OkuriganaEnd(morphemes, start);
            segments.RemoveAll(c => start + c.Start < okurigana || InsideKnownNoun(morphemes, start + c.Start, start + c.End));
            var dictionaryWord = DictionaryWord(text, start, end, vocabulary, morphemes, spellingOf);
            // A word typed on its own that a dictionary knows whole, which the plan's readings cut into pieces or leave partly
            // unread (ようちえん: ヨウチ, 用地, and エン), is that word (幼稚園), not the plan's words.
            if (segments.Count > 0 && dictionaryWord is { } whole && !segments.Any(c => start + c.Start == whole.Start && start + c.End == whole.End))
            {
                at = WriteDictionaryWord(rewritten, words, text, at, whole);
                continue;
            }
            if (!HasContent(morphemes, start, end))
            {
                // MeCab may read a run of plan words as pieces it does not count as content (きゅうきゅうはんそう: an adverb
                // and two suffixes; しょうがい: a verb, an auxiliary and a suffix). A reading found there is kept only where
                // it starts and ends where MeCab's pieces do, neither starts with a particle or auxiliary nor holds a
                // particle, so that function words (している: シテイ, read across いる; のうち: ノウチ; ですが) are never rewritten.
                // A run typed after a space or at the start (…を ていきょうする) begins a word: MeCab's particle there is a piece too.
                var wordStart = start == 0 || !char.IsLetterOrDigit(text[start - 1]);
                // A word typed on its own with its particle (…の じゅうじつに: じゅう・じつに to MeCab) is that word, whatever the pieces.
                var wordAndParticle = wordStart && end - start - 1 >= LongReading && Particles.Contains(text[end - 1]);
                segments = segments.Where(c => c.End - c.Start >= MinimumReading &&
                                               (OnlyPieces(morphemes, start + c.Start, start + c.End, firstMayBeParticle: wordStart && c.Start == 0) ||
                                                (wordAndParticle && c.Start == 0 && start + c.End == end - 1))).ToList();
                if (segments.Count == 0) continue;
            }
            else if (!IsWholeSentence(text, start, end))
            {
                // Where MeCab reads content in the run, a reading is taken only over content: the run may hold a word's
                // okurigana and the function words after it (取り組みをしているのでしょうか: でしょう is no 症). A question typed
                // in one run of hiragana is past MeCab's reading (か・わ・のみ・ず for かわのみず): there the readings decide.
                // In a run glued to a kanji word before it (学校とつながれる), MeCab reads the particle and the verb after a word
                // it knows: a reading starts on neither a particle nor inside a verb or adjective (no トツ, nor ナガレル). Runs
                // typed apart (としょかん か…) or after letters (ICTみらいふぇあ) are cut without such a word to lean on, and left
                // to the readings.
                var leans = start > 0 && JapaneseCharacters.IsKanji(text[start - 1]);
                segments = segments.Where(c => HasContent(morphemes, start + c.Start, start + c.End) &&
                                               !(leans && StartsOnFunctionWordOrInsideInflection(morphemes, start + c.Start))).ToList();
            }
            if (segments.Count == 0 && Mistyped(text, start, end, vocabulary, morphemes) is { } mistyped)
            {
                // A word typed with a kana wrong (ろぼと, たぶれつと, めえる): the plan's word one edit from it.
                rewritten.Append(text, at, start - at);
                var spelling = vocabulary.SpellingOf(mistyped.Reading);
                words.Add(new KanaWord(rewritten.Length, rewritten.Length + spelling.Length, mistyped.Reading));
                rewritten.Append(spelling);
                at = mistyped.End;
                continue;
            }
            if (segments.Count == 0)
            {
                if (dictionaryWord is { } word)
                {
                    at = WriteDictionaryWord(rewritten, words, text, at, word);
                }
                else if (UnknownWord(morphemes, text, start, end) is { } unknown)
                {
                    words.Add(new KanaWord(rewritten.Length + (unknown.Start - at), rewritten.Length + (unknown.End - at), JapaneseCharacters.HiraganaToKatakana(text[unknown.Start..unknown.End]), Known: false));
                }
                continue;
            }
            foreach (var (from, to, reading) in segments)
            {
                rewritten.Append(text, at, start + from - at);
                var spelling = vocabulary.SpellingOf(reading);
                words.Add(new KanaWord(rewritten.Length, rewritten.Length + spelling.Length, reading));
                rewritten.Append(spelling);
                at = start + to;
            }
        }
        rewritten.Append(text, at, text.Length - at);
        return rows is null ? (rewritten.ToString(), words) : Homophones.Choose(rewritten.ToString(), words, vocabulary, rows);
    }

    /// <summary>
    /// Writes a common word the plan does not write (ろうじん) as the dictionary writes it (老人): its synonyms are the plan's
    /// (高齢者). Returns where the text goes on.
    /// </summary>
    private static int WriteDictionaryWord(System.Text.StringBuilder rewritten, List<KanaWord> words, string text, int at, (int Start, int End, string Spelling) word)
    {
        rewritten.Append(text, at, word.Start - at);
        words.Add(new KanaWord(rewritten.Length, rewritten.Length + word.Spelling.Length, JapaneseCharacters.HiraganaToKatakana(text[word.Start..word.End]), Known: false));
        rewritten.Append(word.Spelling);
        return word.End;
    }

    /// <summary>
    /// The span of a run the plan has no reading for that MeCab cuts into nouns or unknown pieces (ほうしゃのう: ほうし・ゃのう),
    /// less a final particle: one unknown word. A run of verbs (みられる) is left to MeCab.
    /// </summary>
    private static (int Start, int End)? UnknownWord(List<MeCabMorpheme> morphemes, string text, int start, int end)
    {
        // A run that begins inside a word is its okurigana and what follows (入らないとこ), not a word typed in kana.
        if (morphemes.Any(m => m.Start < start && m.End > start)) return null;
        var inRun = morphemes.Where(m => m.Start >= start && m.End <= end).ToList();
        var nouny = inRun.Any(m => m.IsUnknown || m.Features.PartOfSpeech.StartsWith("名詞", StringComparison.Ordinal) && IsContent(m));
        // A verb in the run is MeCab's reading, unless an interjection says it lost its way (じ・どう・うん・てん・ば・す).
        var lost = inRun.Any(m => m.Features.PartOfSpeech.StartsWith("感動詞", StringComparison.Ordinal));
        if (!nouny || (!lost && inRun.Any(m => m.Features.PartOfSpeech.StartsWith("動詞", StringComparison.Ordinal)))) return null;
        // Particles MeCab reads at either end are not part of the word (のあいだで: あいだ; くまが: くま), nor auxiliaries
        // after it (ほんとうですか: ほんとう).
        var first = inRun.FindIndex(m => !IsParticle(m));
        var last = inRun.FindLastIndex(m => !IsParticle(m) && PartOfSpeech(m) != "助動詞");
        if (first < 0) return null;
        (start, end) = (inRun[first].Start, inRun[last].End);
        if (end - start > 3 && Particles.Contains(text[end - 1])) end--;
        return end - start >= MinimumReading ? (start, end) : null;
    }

    private static bool IsParticle(MeCabMorpheme m) => PartOfSpeech(m) == "助詞";

    /// <summary>Whether a run is typed as a word of its own: spaces, punctuation (、びょういんと) or the text's ends around it.</summary>
    private static bool IsTypedAlone(string text, int start, int end) =>
        StartsAlone(text, start) && (end == text.Length || !char.IsLetterOrDigit(text[end]));

    /// <summary>Whether a run starts a word of its own: at the text's start or after a space or punctuation.</summary>
    private static bool StartsAlone(string text, int start) => start == 0 || !char.IsLetterOrDigit(text[start - 1]);

    /// <summary>
    /// A run typed as a word of its own, less one final particle, that a dictionary knows (ろうじん: 老人; ばす: バス) and the
    /// plan has no reading for, which MeCab cuts into pieces (ろう・じん, ば・す): one word, as the dictionary writes it.
    /// </summary>
    private static (int Start, int End, string Spelling)? DictionaryWord(string text, int start, int end, ReadingVocabulary vocabulary, List<MeCabMorpheme> morphemes, Func<string, string?>? spellingOf)
    {
        if (spellingOf is null || !IsTypedAlone(text, start, end)) return null;
        var wordEnd = end - start > 2 && Particles.Contains(text[end - 1]) ? end - 1 : end;
        if (wordEnd - start < 2) return null;
        // A word MeCab reads whole is its affair (いま, どこ), unless it is a long noun the dictionary writes otherwise (ろうじん: 老人).
        var whole = morphemes.FirstOrDefault(m => m.Start <= start && m.End >= wordEnd);
        var word = text[start..wordEnd];
        var katakana = JapaneseCharacters.HiraganaToKatakana(word);
        if (vocabulary.Contains(katakana) || (spellingOf(word) ?? spellingOf(katakana) ?? LongVowelDropped(word, spellingOf)) is not { } spelling) return null;
        if (whole.End > 0 && (wordEnd - start < LongReading || spelling == word || !IsContent(whole) || PartOfSpeech(whole) != "名詞")) return null;
        return (start, wordEnd, spelling);
    }

    /// <summary>Kana of the o and u rows, whose long vowel is written with a う (きょう, しゅう, こう).</summary>
    private const string LongWithU = "おこごそぞとどのほぼぽもよょろをうくぐすずつづぬふぶぷむゆゅる";

    /// <summary>
    /// How a dictionary writes a word typed without the う of its last long vowel (べんきょ: べんきょう, 勉強), a slip of a
    /// phone keyboard; null when the word does not end on such a kana or the dictionary has no word so.
    /// </summary>
    private static string? LongVowelDropped(string word, Func<string, string?> spellingOf) =>
        word.Length >= MinimumReading && LongWithU.Contains(word[^1]) && spellingOf(word + "う") is { } spelling ? spelling : null;

    /// <summary>
    /// A run typed as a word of its own (spaces or the text's ends around it), less one final particle, that the plan
    /// has no reading for but one reading within an edit of: where that word ends, and its reading. A word MeCab knows
    /// (たんぼ, しゃめん) is a word, not a typo, though the plan lacks it.
    /// </summary>
    private static (int End, string Reading)? Mistyped(string text, int start, int end, ReadingVocabulary vocabulary, List<MeCabMorpheme> morphemes)
    {
        if (!IsTypedAlone(text, start, end)) return null;
        var wordEnd = end - start > ReadingVocabulary.NearestLength && Particles.Contains(text[end - 1]) ? end - 1 : end;
        if (morphemes.Any(m => m.Start == start && m.End == wordEnd && !m.IsUnknown)) return null;
        return vocabulary.Nearest(JapaneseCharacters.HiraganaToKatakana(text[start..wordEnd])) is { } reading ? (wordEnd, reading) : null;
    }

    /// <summary>Where the inflecting word that holds <paramref name="start"/> from before it ends (<paramref name="start"/> when none does).</summary>
    private static int OkuriganaEnd(List<MeCabMorpheme> morphemes, int start) =>
        morphemes.Where(m => m.Start < start && m.End > start && Inflects(m)).Select(m => m.End).DefaultIfEmpty(start).Max();

    private static bool IsParticle(char katakana) => Particles.Contains((char)(katakana - 0x60));

    /// <summary>Whether the span starts and ends where MeCab's morphemes do, starts with no particle or auxiliary and holds no particle.</summary>
    private static bool OnlyPieces(List<MeCabMorpheme> morphemes, int start, int end, bool firstMayBeParticle)
    {
        var first = morphemes.FindIndex(m => m.Start == start);
        if (first < 0 || !morphemes.Any(m => m.End == end)) return false;
        if (!firstMayBeParticle && IsFunctionWord(morphemes[first])) return false;
        return !morphemes.Any(m => m.Start >= start && m.End <= end && m.Start > start && PartOfSpeech(m) == "助詞");
    }

    /// <summary>
    /// Whether the span lies within a longer noun MeCab knows (ほんとう: ホン, 本, inside it): a plan word's reading
    /// inside a dictionary word typed in kana is no word of the question.
    /// </summary>
    private static bool InsideKnownNoun(List<MeCabMorpheme> morphemes, int start, int end) =>
        morphemes.Any(m => !m.IsUnknown && m.Start <= start && m.End >= end && m.End - m.Start > end - start && m.End - m.Start >= MinimumReading &&
                           PartOfSpeech(m) == "名詞" && IsContent(m));

    private static string PartOfSpeech(MeCabMorpheme m) => m.IsUnknown ? "" : m.Features.Category;

    private static List<(int Start, int End)> HiraganaRuns(string text)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (!IsRunChar(text[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && IsRunChar(text[end])) end++;
            if (end - i >= 2) runs.Add((i, end));
            i = end;
        }
        return runs;
    }

    /// <summary>
    /// Whether the run is the question's last clause, typed on its own (after punctuation or a space, or the whole question)
    /// and long enough to be a sentence: a question, or its end, typed in one run of hiragana (…んだけど、かわのみずの…ありますか).
    /// </summary>
    private static bool IsWholeSentence(string text, int start, int end) =>
        end - start >= SentenceLength && StartsAlone(text, start) && text[end..].All(c => !char.IsLetterOrDigit(c));

    /// <summary>A run of hiragana this long holds a question's words and its particles, not one word.</summary>
    private const int SentenceLength = 10;

    private static bool IsRunChar(char c) => JapaneseCharacters.IsHiragana(c) || c == 'ー';

    /// <summary>Whether a word MeCab reads as a particle or auxiliary starts at <paramref name="start"/>, or a verb or
    /// adjective it reads runs across it.</summary>
    private static bool StartsOnFunctionWordOrInsideInflection(List<MeCabMorpheme> morphemes, int start) =>
        morphemes.Any(m => (m.Start == start && IsFunctionWord(m)) || (m.Start < start && m.End > start && Inflects(m)));

    private static bool IsFunctionWord(MeCabMorpheme m) => PartOfSpeech(m) is "助詞" or "助動詞";

    private static bool Inflects(MeCabMorpheme m) => PartOfSpeech(m) is "動詞" or "形容詞" or "助動詞";

    /// <summary>Whether MeCab reads anything in the run as a content word (a noun, a verb or adjective, or an unknown word).</summary>
    private static bool HasContent(List<MeCabMorpheme> morphemes, int start, int end) =>
        morphemes.Any(m => m.Start < end && m.End > start && IsContent(m)); // MeCab may glue a run to the kanji before it (円み)

    private static bool IsContent(MeCabMorpheme m)
    {
        if (m.IsUnknown) return true;
        var pos = m.Features.PartOfSpeech;
        // An interjection or a bare prefix inside a question is MeCab cutting a word it does not know (じ・ぎょ・う).
        if (pos.StartsWith("感動詞", StringComparison.Ordinal) || pos.StartsWith("接頭詞", StringComparison.Ordinal)) return true;
        if (pos.StartsWith("名詞", StringComparison.Ordinal))
            return !pos.Contains("非自立") && !pos.Contains("代名詞") && !pos.Contains("数") && !pos.Contains("接尾") && !pos.Contains("副詞可能");
        return pos.StartsWith("動詞-自立", StringComparison.Ordinal) && m.Features.BaseForm is not ("ある" or "いる" or "する" or "なる" or "できる")
               || pos.StartsWith("形容詞-自立", StringComparison.Ordinal) && m.Features.BaseForm is not "ない";
    }

    /// <summary>What a kana left unread at a run's start costs: as much as a two-kana word scores.</summary>
    private const int StrayStartCost = 4;

    /// <summary>
    /// The readings a run is best cut into: the cut that covers the most of it with readings of the plan's words,
    /// longer readings weighing more (the square of their length), then kept only where a reading cannot be a piece of
    /// another word.
    /// </summary>
    private static IEnumerable<(int Start, int End, string Reading)> Segment(string katakana, ReadingVocabulary vocabulary)
    {
        var n = katakana.Length;
        var best = new int[n + 1];
        var from = new int[n + 1];
        var reading = new string?[n + 1];
        Array.Fill(best, int.MinValue);
        best[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (best[i] == int.MinValue) continue;
            // A character read as no word: a particle follows a word, so one left at the run's start costs as much as a
            // short word is worth: of readings that cover the run as well, the one that starts it wins (ヤサイ・ト・カ, not
            // ヤ・サイト・カ, of やさいとか; ヨサン・ガク, not ヨ・サンガク, of よさんがく).
            var stray = best[i] - (i == 0 ? StrayStartCost : 0);
            if (stray > best[i + 1]) (best[i + 1], from[i + 1], reading[i + 1]) = (stray, i, null);
            for (var j = i + 2; j <= n; j++)
            {
                // A reading the plan has no spelling for (アワセ, read inside 合わせて) would be written as katakana, a word no
                // row has: such a run is left to MeCab, which reads it as the verb it is.
                if (ReadingAt(katakana[i..j], vocabulary) is not { } r || !vocabulary.HasSpelling(r)) continue;
                var score = best[i] + (j - i) * (j - i);
                if (score > best[j]) (best[j], from[j], reading[j]) = (score, i, r);
            }
        }
        var cut = new List<(int, int, string)>();
        for (var j = n; j > 0; j = from[j])
        {
            if (reading[j] is { } r) cut.Add((from[j], j, r));
        }
        cut.Reverse();
        return cut.Where((c, i) => IsWholeWord(katakana, c.Item1, c.Item2) || EndsCompound(cut, i));
    }

    /// <summary>
    /// Whether a short reading follows a long one directly, as the second word of a compound typed in one run
    /// (なりすましさぎ: なりすまし詐欺): there it is no piece of another word.
    /// </summary>
    private static bool EndsCompound(List<(int Start, int End, string Reading)> cut, int i) =>
        i > 0 && cut[i - 1].End == cut[i].Start && cut[i - 1].End - cut[i - 1].Start >= MinimumReading;

    /// <summary>The reading as the index holds it (a long katakana word without its final ー), if the plan has it.</summary>
    private static string? ReadingAt(string candidate, ReadingVocabulary vocabulary)
    {
        if (vocabulary.Contains(candidate)) return candidate;
        var stem = candidate.Length >= 4 && candidate[^1] == 'ー' ? candidate[..^1] : null;
        return stem is not null && vocabulary.Contains(stem) ? stem : null;
    }

    private static bool IsWholeWord(string katakana, int start, int end)
    {
        if (end - start >= MinimumReading) return true;
        // In a sentence typed in one run (かわのみずのたかさを…), a short reading between particles is a word of its own.
        if (end - start == 2 && (start == 0 || IsParticle(katakana[start - 1])) && end < katakana.Length && IsParticle(katakana[end])) return true;
        var rest = katakana[end..];
        // The run may start with an honorific prefix (おこめの: お + こめ + の).
        var alone = start == 0 || (start == 1 && katakana[0] is 'オ' or 'ゴ');
        return alone && (rest.Length == 0 || (rest.Length == 1 && IsParticle(rest[0])));
    }
}
