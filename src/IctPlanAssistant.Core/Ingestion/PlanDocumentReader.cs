using System.Text;

namespace IctPlanAssistant.Ingestion;

/// <summary>
/// Reads a plan file's text: UTF-8 (with or without BOM), UTF-16 with its BOM (what Windows tools save as
/// "Unicode"), or Shift_JIS, which older government files use. UTF-16 without a BOM cannot be told apart reliably
/// and is refused with a message that says so, rather than read as thousands of broken lines.
/// </summary>
public static class PlanDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the file; <paramref name="encodingNote"/> is set when it was not UTF-8.</summary>
    /// <exception cref="PlanFormatException">The file looks like UTF-16 without a byte order mark.</exception>
    public static string ReadText(string path, out string? encodingNote)
    {
        var bytes = File.ReadAllBytes(path);
        encodingNote = null;
        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            encodingNote = $"read as UTF-16 ({(bytes[0] == 0xFF ? "little" : "big")}-endian, from its byte order mark)";
            return utf16.GetString(bytes, 2, bytes.Length - 2);
        }
        if (LooksLikeUtf16(bytes))
            throw new PlanFormatException([new PlanDiagnostic(path, 1, "the file holds NUL bytes: it looks like UTF-16 without a byte order mark (save it as UTF-8, or UTF-16 with a BOM), or is not a text file")]);
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            encodingNote = "not valid UTF-8; read as Shift_JIS";
            return Encoding.GetEncoding(932).GetString(bytes);
        }
    }

    /// <summary>UTF-16 text has a NUL byte beside each of its ASCII characters (tabs, digits, newlines); UTF-8 and Shift_JIS text has none.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 64 * 1024)].Contains((byte)0);
}
