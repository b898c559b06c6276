using IctPlanAssistant.Search.Analysis.TokenAttributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Replaces a word with its reading in katakana (放射線 → ホウシャセン), as Kuromoji's JapaneseReadingFormFilter does, so
/// a question typed in kana (ほうしゃせん) finds the rows that write the word in kanji, and 子供, 子ども and こども are one
/// term. A word MeCab has no reading for (an unknown word, Latin letters, a number) is kept as written; kana is
/// written in katakana.
/// </summary>
public sealed class JapaneseReadingFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IMorphemeAttribute _morpheme;

    public JapaneseReadingFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _morpheme = AddAttribute<IMorphemeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_morpheme.Features?.Reading is { } reading)
        {
            _term.SetEmpty().Append(reading);
        }
        else
        {
            var buffer = _term.Buffer;
            for (var i = 0; i < _term.Length; i++)
            {
                if (buffer[i] is >= 'ぁ' and <= 'ゖ') buffer[i] = (char)(buffer[i] + 0x60);
            }
        }
        return true;
    }
}
