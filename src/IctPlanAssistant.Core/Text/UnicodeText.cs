using System.Text;

namespace IctPlanAssistant.Text;

/// <summary>Unicode clean-up that accepts any string, including the broken UTF-16 a JSON string may carry.</summary>
public static class UnicodeText
{
    /// <summary>
    /// NFKC (full-width Latin to ASCII, half-width kana to full-width). Normalisation refuses lone surrogates and
    /// noncharacters (U+FFFE): they become U+FFFD first.
    /// </summary>
    public static string ToNfkc(this string text)
    {
        if (IsNfkcByQuickCheck(text)) return text;
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return Sanitize(text).Normalize(NormalizationForm.FormKC);
        }
    }

    /// <summary>
    /// Whether every character is one that NFKC keeps as it is and that composes with nothing before it (Unicode's
    /// NFKC quick check "yes", a starter): ASCII, 、。々〆〇「」『』, hiragana, katakana (not the voicing marks), the
    /// unified CJK ideographs. Such a text is NFKC already (UAX #15, quick check), so it is returned without the call
    /// into ICU, which normalised every word of every question again (a test checks each character and mixed texts).
    /// </summary>
    internal static bool IsNfkcByQuickCheck(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsNfkcStarter(c)) return false;
        }
        return true;
    }

    internal static bool IsNfkcStarter(char c) => c switch
    {
        <= '\u007F' => true,
        '\u3001' or '\u3002' or (>= '\u3005' and <= '\u3007') or (>= '\u300C' and <= '\u300F') => true,
        >= '\u3041' and <= '\u3096' => true, // hiragana, not the combining voicing marks U+3099, U+309A
        >= '\u30A1' and <= '\u30FC' => true, // katakana, ・ and ー
        >= '\u4E00' and <= '\u9FFF' => true,
        _ => false,
    };

    /// <summary>
    /// <see cref="string.ToLowerInvariant()"/>, but the text itself when no character of it has a case to change (ASCII
    /// other than A-Z, kana, kanji, CJK punctuation): the framework's call copies every non-ASCII string through ICU,
    /// even one it leaves as it was, and questions are lower-cased word by word (a test compares every character).
    /// </summary>
    public static string LowerInvariant(this string text)
    {
        foreach (var c in text)
        {
            if (c is (>= 'A' and <= 'Z') or (>= '\u0080' and < CaselessFirst) or > CaselessLast) return text.ToLowerInvariant();
        }
        return text;
    }

    /// <summary>The block of CJK punctuation, kana and the unified ideographs, where no character has a case (or is the case of another).</summary>
    internal const char CaselessFirst = '\u3000';

    internal const char CaselessLast = '\u9FFF';

    /// <summary>The text with every lone surrogate and noncharacter replaced by U+FFFD.</summary>
    public static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var value = rune.Value;
            var noncharacter = (value & 0xFFFE) == 0xFFFE || value is >= 0xFDD0 and <= 0xFDEF;
            sb.Append(status == System.Buffers.OperationStatus.Done && !noncharacter ? rune.ToString() : "\uFFFD");
            i += consumed;
        }
        return sb.ToString();
    }
}
