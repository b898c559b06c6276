using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Lower-cases a token as Lucene's LowerCaseFilter does, but passes kana, kanji and CJK punctuation, which have no
/// case, without a case-mapping call: .NET maps a non-ASCII character through ICU, which cost more than the rest of
/// the chain on Japanese text.
/// </summary>
public sealed class JapaneseLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public JapaneseLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z') buffer[i] = (char)(c | 0x20);
            }
            else if (!IsCaseless(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
                {
                    // A supplementary character: lower-case the code point, as LowerCaseFilter does.
                    var lower = new string(buffer, i, 2).ToLowerInvariant();
                    if (lower.Length == 2)
                    {
                        buffer[i] = lower[0];
                        buffer[i + 1] = lower[1];
                    }
                    i++;
                    continue;
                }
                buffer[i] = char.ToLowerInvariant(c);
            }
        }
        return true;
    }

    /// <summary>CJK symbols, kana, CJK ideographs, half-width kana and the like: no letter case to map.</summary>
    private static bool IsCaseless(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFFDC' or >= '\uAC00' and <= '\uD7A3';
}
