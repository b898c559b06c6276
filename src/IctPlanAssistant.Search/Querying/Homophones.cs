using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Which of the plan's words of one reading a word typed in kana is (きかん: 機関, 帰還, 期間 or 基幹): the one the
/// question's other words are found with in the plan's rows (すまほの あぷりで きかんを しえん: 帰還, beside アプリ), each
/// other word counting by the share of its rows that have the spelling, so that a word in every row (事業) tells
/// little. Where none tells, the spelling in the most rows.
/// </summary>
internal static class Homophones
{
    /// <summary>Other words are runs of kanji or katakana this long: one character (県, 部) says too little.</summary>
    private const int MinOtherWord = 2;

    /// <summary>An other word in more than this share of the rows (事業) tells no homophone from another, and is not counted.</summary>
    private const double TellingShare = 0.25;

    /// <summary>Rows a word and a spelling meet in are counted up to this many: a share of them is all the choice needs.</summary>
    private const int CountedRows = 256;

    /// <summary>The text with each homophone written as its question's other words tell, and the words' spans in it.</summary>
    public static (string Text, List<KanaWord> Words) Choose(string text, List<KanaWord> words, ReadingVocabulary vocabulary, IWordRows rows)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.Known) continue;
            var spellings = vocabulary.SpellingsOf(word.Reading);
            if (spellings.Count < 2) continue;
            var others = OtherWords(text, word).Select(o => (Word: o, Rows: rows.RowsWith(o))).Where(o => o.Rows > 0 && o.Rows <= rows.Rows * TellingShare).ToList();
            if (others.Count == 0) continue;
            var (best, _, score) = spellings.Select((spelling, rank) => (Spelling: spelling, Rank: rank, Score: others.Sum(o => rows.RowsWithBoth(spelling, o.Word, CountedRows) / (double)Math.Min(o.Rows, CountedRows))))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Rank).First();
            if (score <= 0) continue;
            var current = text[word.Start..word.End];
            text = string.Concat(text.AsSpan(0, word.Start), best, text.AsSpan(word.End));
            var shift = best.Length - current.Length;
            words[i] = word with { End = word.End + shift, ChosenAmongHomophones = true };
            for (var j = i + 1; j < words.Count; j++) words[j] = words[j] with { Start = words[j].Start + shift, End = words[j].End + shift };
        }
        return (text, words);
    }

    /// <summary>The runs of kanji or katakana of the text outside the word: the question's other words as the plan writes them.</summary>
    private static IEnumerable<string> OtherWords(string text, KanaWord word)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (i < word.Start || i >= word.End) && (JapaneseCharacters.IsKanji(text[i]) || JapaneseCharacters.IsKatakana(text[i]));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                if (i - start >= MinOtherWord) yield return text[start..i];
                start = -1;
            }
        }
    }
}
