using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The language a question is asked in, which its answer is given in: Japanese when it has Japanese, unless it is an
/// English sentence that names something in Japanese (whats the budget for 中小企業制度資金 and how many loans went out?):
/// then more of its words are English words than Japanese ones, and there are a few of them.
/// </summary>
internal static class QuestionLanguage
{
    /// <summary>Fewer English words than this make no English sentence (ICTの事業, LINE相談).</summary>
    private const int MinEnglishWords = 3;

    public static QueryLanguage Of(QueryText query)
    {
        if (!query.Text.Any(c => JapaneseCharacters.IsJapanese(c))) return QueryLanguage.English;
        var english = QueryText.LatinWords(query.Text).Count(w => w.End - w.Start >= 2);
        if (english < MinEnglishWords) return QueryLanguage.Japanese;
        var japanese = query.Morphemes.Count(m => m.End > m.Start && JapaneseCharacters.IsJapanese(query.Text[m.Start]) &&
                                                   !m.Features.PartOfSpeech.StartsWith("記号", StringComparison.Ordinal));
        return english > japanese ? QueryLanguage.English : QueryLanguage.Japanese;
    }
}
