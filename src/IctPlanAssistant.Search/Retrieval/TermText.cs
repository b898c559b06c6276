using System.Text;
using Lucene.Net.Index;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A term's text, as <see cref="Term.Text"/> gives it: its bytes read as strict UTF-8, or Lucene's byte listing when
/// they are not UTF-8. Lucene.Net makes a new strict decoder (and its two fallbacks) for every term it reads so; the
/// gate reads the text of every clause it compares or keeps (hundreds a question), with this one shared decoder.
/// </summary>
internal static class TermText
{
    // Decoding holds no state, so one decoder serves every thread.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Of(Term term)
    {
        var bytes = term.Bytes;
        try
        {
            return Strict.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
        }
        catch (DecoderFallbackException)
        {
            return bytes.ToString();
        }
    }
}
