using System.Text;

namespace IctPlanAssistant.Ingestion;

/// <summary>Reads a plan file's text: UTF-8 (with or without BOM), or Shift_JIS, which older government files use.</summary>
public static class PlanDocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the file; <paramref name="encodingNote"/> is set when it was not UTF-8.</summary>
    public static string ReadText(string path, out string? encodingNote)
    {
        var bytes = File.ReadAllBytes(path);
        encodingNote = null;
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
}
