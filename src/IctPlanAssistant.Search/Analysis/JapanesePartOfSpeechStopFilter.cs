using IctPlanAssistant.Search.Analysis.TokenAttributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>Removes tokens whose part of speech is exactly one of the stop tags (particles, auxiliaries, punctuation).</summary>
public sealed class JapanesePartOfSpeechStopFilter : FilteringTokenFilter
{
    private readonly ISet<string> _stopTags;
    private readonly IMorphemeAttribute _morpheme;

    public JapanesePartOfSpeechStopFilter(LuceneVersion version, TokenStream input, ISet<string> stopTags) : base(version, input)
    {
        _stopTags = stopTags;
        _morpheme = AddAttribute<IMorphemeAttribute>();
    }

    protected override bool Accept() =>
        _morpheme.Features?.PartOfSpeech is not { } pos || !_stopTags.Contains(pos);
}
