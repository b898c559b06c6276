using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Adjectives and verbs written in katakana for emphasis, their endings in hiragana (キツい, デカい, スゴかった, ムカつく):
/// MeCab's dictionary has them in hiragana only and cuts the katakana spelling into a name and a stray word (キツ・い;
/// デカ・いのっ), which also upsets the words around them (ほんとキツい: ほん・と). Such a stem is written in hiragana where
/// MeCab then reads an adjective or a verb that starts with it and runs into the hiragana after it.
/// </summary>
internal static class KatakanaEmphasis
{
    /// <summary>Stems of emphasis are short (デカ, ヤバ, ムカ); a longer katakana word is a loanword.</summary>
    private const int MaxStem = 4;

    /// <param name="isPlanWord">Whether the plan writes the word: a plan's katakana word (アプリ) is never rewritten.</param>
    public static string Resolve(string text, MeCabModel model, Func<string, bool> isPlanWord)
    {
        string? rewritten = null;
        var morphemes = new List<MeCabMorpheme>();
        for (var i = 0; i < text.Length;)
        {
            if (!JapaneseCharacters.IsKatakana(text[i]) || text[i] == 'ー' || (i > 0 && JapaneseCharacters.IsKatakana(text[i - 1])))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && JapaneseCharacters.IsKatakana(text[end])) end++;
            var stem = text[i..end];
            if (end - i <= MaxStem && end < text.Length && JapaneseCharacters.IsHiragana(text[end]) && !isPlanWord(stem))
            {
                // A katakana stem and its hiragana are the same length: the rewritten text keeps every offset.
                var candidate = (rewritten ?? text)[..i] + JapaneseCharacters.KatakanaToHiragana(stem) + (rewritten ?? text)[end..];
                morphemes.Clear();
                model.Parse(candidate, morphemes);
                if (morphemes.Any(m => m.Start == i && m.End > end && IsInflecting(m))) rewritten = candidate;
            }
            i = end;
        }
        return rewritten ?? text;
    }

    private static bool IsInflecting(MeCabMorpheme m) =>
        m.Features.PartOfSpeech.StartsWith("形容詞-自立", StringComparison.Ordinal) || m.Features.PartOfSpeech.StartsWith("動詞-自立", StringComparison.Ordinal);
}
