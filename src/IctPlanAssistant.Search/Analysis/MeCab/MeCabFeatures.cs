namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>
/// The IPADIC feature of a morpheme, decoded once: part of speech as Kuromoji writes it (<c>名詞-一般</c>),
/// base form (null when it is the surface or unknown) and reading (null for unknown words).
/// </summary>
public sealed record MeCabFeatures(string PartOfSpeech, string? BaseForm, string? Reading, string? InflectionType, string? InflectionForm)
{
    /// <summary>The part of speech's first level: 名詞, 助詞, 助動詞, 動詞…</summary>
    public string Category => PartOfSpeech.IndexOf('-') is var dash and >= 0 ? PartOfSpeech[..dash] : PartOfSpeech;

    public static MeCabFeatures Parse(string feature, bool isUnknown)
    {
        var f = feature.Split(',');
        string? Field(int i) => i < f.Length && f[i] != "*" && f[i].Length > 0 ? f[i] : null;
        var pos = string.Join('-', f.Take(4).Where(p => p != "*" && p.Length > 0));
        return new MeCabFeatures(
            pos.Length == 0 ? "未知語" : pos,
            isUnknown ? null : Field(6),
            isUnknown ? null : Field(7),
            Field(4),
            Field(5));
    }
}
