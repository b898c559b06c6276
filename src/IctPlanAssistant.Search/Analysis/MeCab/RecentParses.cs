namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>
/// The last few texts a thread parsed, with their morphemes. A row's name and body are analysed once for the words
/// and again for their readings: the second analysis takes the first one's parse instead of running MeCab again.
/// Compared by content, so a hit is always the parse of the same text.
/// </summary>
internal sealed class RecentParses
{
    private const int Capacity = 4;

    /// <summary>Texts longer than this are not kept (a long text is parsed in chunks and rarely seen twice).</summary>
    private const int MaxLength = 16_384;

    [ThreadStatic] private static RecentParses? s_current;

    private readonly (MeCabModel Model, string Text, MeCabMorpheme[] Morphemes)?[] _entries = new (MeCabModel, string, MeCabMorpheme[])?[Capacity];
    private int _next;

    public static RecentParses Current => s_current ??= new RecentParses();

    public bool TryGet(MeCabModel model, ReadOnlySpan<char> text, List<MeCabMorpheme> output)
    {
        foreach (var entry in _entries)
        {
            if (entry is not { } e || !ReferenceEquals(e.Model, model) || !text.SequenceEqual(e.Text)) continue;
            output.AddRange(e.Morphemes);
            return true;
        }
        return false;
    }

    public void Add(MeCabModel model, ReadOnlySpan<char> text, List<MeCabMorpheme> morphemes)
    {
        if (text.Length > MaxLength) return;
        _entries[_next] = (model, text.ToString(), morphemes.ToArray());
        _next = (_next + 1) % Capacity;
    }
}
