using IctPlanAssistant.Search.Analysis.TokenAttributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>Replaces an inflected word with its base form (活用し → 活用する), so 活用した and 活用する match.</summary>
public sealed class JapaneseBaseFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IMorphemeAttribute _morpheme;
    private readonly IKeywordAttribute _keyword;

    public JapaneseBaseFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _morpheme = AddAttribute<IMorphemeAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!_keyword.IsKeyword && _morpheme.Features?.BaseForm is { } baseForm)
        {
            _term.SetEmpty().Append(baseForm);
        }
        return true;
    }
}
