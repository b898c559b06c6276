using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Drops the prolonged sound mark at the end of a long katakana word (コンピューター → コンピュータ),
/// the common spelling variation of loanwords, as Kuromoji's JapaneseKatakanaStemFilter does.
/// </summary>
public sealed class JapaneseKatakanaStemFilter : TokenFilter
{
    public const int DefaultMinimumLength = 4;

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly int _minimumLength;

    public JapaneseKatakanaStemFilter(TokenStream input, int minimumLength = DefaultMinimumLength) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _minimumLength = minimumLength;
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!_keyword.IsKeyword) _term.Length = Stem(_term.Buffer, _term.Length);
        return true;
    }

    private int Stem(char[] term, int length)
    {
        if (length < _minimumLength || term[length - 1] != 'ー') return length;
        for (var i = 0; i < length; i++)
        {
            if (term[i] is < '\u30A0' or > '\u30FF') return length;
        }
        return length - 1;
    }
}
