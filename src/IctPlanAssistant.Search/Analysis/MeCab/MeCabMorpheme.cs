namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>One morpheme of a parse: its span in the parsed text (UTF-16 offsets) and its features.</summary>
public readonly record struct MeCabMorpheme(int Start, int End, MeCabFeatures Features, bool IsUnknown)
{
    public int Length => End - Start;
}
