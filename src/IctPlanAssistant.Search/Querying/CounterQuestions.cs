using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// 何 and a counter (何機, 何冊, 何基): a figure of that unit is asked, as the glossary's 何台 asks for one in 台. MeCab
/// tells the counter (名詞-接尾-助数詞), so the glossary lists only the counters whose question means more (何件: how many
/// projects; 何人: people, also written 名).
/// </summary>
internal static class CounterQuestions
{
    /// <summary>The counters asked with 何 that no glossary phrase already reads, each as a detail asked in its unit.</summary>
    public static IEnumerable<GlossaryMatch<IntentWord>> Asked(QueryText query, IReadOnlyList<GlossaryMatch<IntentWord>> read)
    {
        var morphemes = query.Morphemes;
        for (var i = 0; i + 1 < morphemes.Count; i++)
        {
            var what = morphemes[i];
            var counter = morphemes[i + 1];
            if (query.Text[what.Start..what.End] is not ("何" or "なん") || counter.Start != what.End || !IsCounter(query, counter)) continue;
            if (read.Any(m => m.Start < counter.End && what.Start < m.End)) continue;
            // 何年も, 何回も: many years, many times, no question.
            if (i + 2 < morphemes.Count && query.Text[morphemes[i + 2].Start..morphemes[i + 2].End] == "も") continue;
            var unit = query.Text[counter.Start..counter.End];
            yield return new GlossaryMatch<IntentWord>(what.Start, counter.End, query.Text[what.Start..counter.End], new IntentWord(AnswerIntent.Fact, [unit]), Negated: false, i + 1);
        }
    }

    /// <summary>
    /// A counter: what MeCab tags as one (名詞-接尾-助数詞), or a one-kanji suffix it reads as a plain one after 何 read ナニ
    /// (何・機 in ドローンは何機くらい).
    /// </summary>
    private static bool IsCounter(QueryText query, MeCabMorpheme m) =>
        m.Features.PartOfSpeech == "名詞-接尾-助数詞" ||
        m.Features.PartOfSpeech == "名詞-接尾-一般" && m.End - m.Start == 1 && IctPlanAssistant.Text.JapaneseCharacters.IsKanji(query.Text[m.Start]);
}
