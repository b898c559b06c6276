using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Analysis.TokenAttributes;

/// <summary>Default implementation of <see cref="IMorphemeAttribute"/>.</summary>
public sealed class MorphemeAttribute : Lucene.Net.Util.Attribute, IMorphemeAttribute
{
    public MeCabFeatures? Features { get; set; }

    public override void Clear() => Features = null;

    public override void CopyTo(IAttribute target) => ((IMorphemeAttribute)target).Features = Features;

    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect(typeof(IMorphemeAttribute), "partOfSpeech", Features?.PartOfSpeech);
        reflector.Reflect(typeof(IMorphemeAttribute), "baseForm", Features?.BaseForm);
        reflector.Reflect(typeof(IMorphemeAttribute), "reading", Features?.Reading);
    }
}
