using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Analysis.TokenAttributes;

/// <summary>
/// The dictionary facts about the current token: part of speech (名詞-一般), base form (活用した → 活用する)
/// and reading. One attribute rather than Kuromoji's three, because MeCab hands them over as one feature.
/// </summary>
public interface IMorphemeAttribute : IAttribute
{
    MeCabFeatures? Features { get; set; }
}
