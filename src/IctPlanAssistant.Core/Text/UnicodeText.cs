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
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return Sanitize(text).Normalize(NormalizationForm.FormKC);
        }
    }

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
