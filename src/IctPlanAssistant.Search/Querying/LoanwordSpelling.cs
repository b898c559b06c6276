using System.Text;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Rewrites loanwords typed in hiragana (どろーん, しすてむ, ろぼっと) in katakana, but only where the katakana word is
/// one the plan uses, so real hiragana words (なんだい, ところ) are left alone.
/// </summary>
internal static class LoanwordSpelling
{
    private const int MinimumLength = 3;

    public static string Resolve(string text, IReadOnlySet<string> katakanaWords)
    {
        StringBuilder? result = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsHiraganaOrMark(text[i]))
            {
                i++;
                continue;
            }
            var runEnd = i;
            while (runEnd < text.Length && IsHiraganaOrMark(text[runEnd])) runEnd++;
            // Longest known word starting at each position of the run.
            var at = i;
            while (at < runEnd)
            {
                var found = 0;
                for (var end = runEnd; end - at >= MinimumLength; end--)
                {
                    var katakana = JapaneseCharacters.HiraganaToKatakana(text[at..end]);
                    if (katakanaWords.Contains(katakana) || katakanaWords.Contains(Stem(katakana)))
                    {
                        found = end - at;
                        result ??= new StringBuilder(text);
                        for (var k = 0; k < found; k++) result[at + k] = katakana[k];
                        break;
                    }
                }
                at += Math.Max(1, found);
            }
            i = runEnd;
        }
        return result?.ToString() ?? text;
    }

    private static bool IsHiraganaOrMark(char c) => JapaneseCharacters.IsHiragana(c) || c == 'ー';

    /// <summary>The index drops a final ー from long katakana words (コンピューター → コンピュータ).</summary>
    private static string Stem(string katakana) => katakana.Length > 4 && katakana[^1] == 'ー' ? katakana[..^1] : katakana;
}
