using System.Globalization;
using System.Text;

namespace IctPlanAssistant.Text;

/// <summary>Character classes that the cleaning and query code reason about.</summary>
public static class JapaneseCharacters
{
    /// <summary>Kana, kanji, CJK punctuation and full-width forms: text written without spaces between words.</summary>
    public static bool IsJapanese(int codePoint) => codePoint switch
    {
        >= 0x3000 and <= 0x303F => codePoint != 0x3000, // CJK symbols and punctuation (not the ideographic space)
        >= 0x3040 and <= 0x30FF => true, // hiragana, katakana
        >= 0x31F0 and <= 0x31FF => true, // katakana phonetic extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFF01 and <= 0xFF60 => true, // full-width ASCII and brackets
        >= 0xFF61 and <= 0xFF9F => true, // half-width katakana
        >= 0x20000 and <= 0x3FFFF => true, // CJK extensions B and later
        0x25CB or 0x203B or 0x2015 or 0x2026 => true, // ○ ※ ― …
        _ => false,
    };

    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u3096';

    public static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or '\u30FC';

    /// <summary>Whether every character of the text is katakana (a loop: it is asked of a vocabulary's thousands of words,
    /// where LINQ's All over a string allocated an enumerator for each).</summary>
    public static bool IsAllKatakana(string text)
    {
        foreach (var c in text)
        {
            if (!IsKatakana(c)) return false;
        }
        return true;
    }

    /// <summary>CJK ideographs and the marks that stand for one (々 repeats the kanji before it, ヶ in place names).</summary>
    public static bool IsKanji(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '々' or '〆' or 'ヶ';

    /// <summary>Counters and units that follow a number; a space between a digit and one of these is a line wrap.</summary>
    public static bool IsCounter(int codePoint) =>
        codePoint < 0x10000 && "件人名台回円年月日時分秒校社者本枚個箇所ヶか％倍割万千億兆歳点種".Contains((char)codePoint);

    /// <summary>Folds full-width ASCII to ASCII and the ideographic space to a space (NFKC for the ASCII block only).</summary>
    public static string FoldWidth(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (folded != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
            }
            sb?.Append(folded);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Hiragana to katakana (ぁ..ゖ to ァ..ヶ), so a loanword typed in hiragana meets its katakana spelling.</summary>
    public static string HiraganaToKatakana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsHiragana(chars[i])) chars[i] = (char)(chars[i] + 0x60);
        }
        return new string(chars);
    }

    /// <summary>Katakana to hiragana (ァ..ヶ to ぁ..ゖ; ー and ・ are left as they are), the inverse of <see cref="HiraganaToKatakana"/>.</summary>
    public static string KatakanaToHiragana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u30A1' and <= '\u30F6') chars[i] = (char)(chars[i] - 0x60);
        }
        return new string(chars);
    }

    public static int CodePointAt(string s, int index) =>
        char.IsSurrogatePair(s, index) ? char.ConvertToUtf32(s[index], s[index + 1]) : s[index];

    public static bool IsAsciiLetterOrDigit(int c) => c < 0x80 && char.IsAsciiLetterOrDigit((char)c);

    public static UnicodeCategory Category(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint);
}
