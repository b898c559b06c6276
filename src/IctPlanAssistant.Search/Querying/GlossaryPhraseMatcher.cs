using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>A glossary phrase found in a question: its span, what it stands for, and whether the question negates it.</summary>
internal readonly record struct GlossaryMatch<T>(int Start, int End, string Phrase, T Value, bool Negated, int LastMorpheme);

/// <summary>
/// Finds a glossary file's phrases in a question: Japanese phrases by their words' dictionary forms, in any inflection
/// and with the gaps they allow (<see cref="LemmaPhraseMatcher{T}"/>), then every phrase as written over what is
/// left (<see cref="PhraseMatcher{T}"/>: English, and Japanese that MeCab cuts otherwise on its own), then English
/// phrases with gaps (<see cref="GappedPhraseMatcher{T}"/>); each match says whether the question negates it (<see cref="Negation"/>).
/// </summary>
internal sealed class GlossaryPhraseMatcher<T>(IEnumerable<(string Phrase, T Value)> phrases, MeCabModel model)
{
    private readonly List<(string Phrase, T Value)> _phrases = phrases.ToList();
    private HashSet<char>? _marks;

    /// <summary>The file's phrases of one character (the plan's ○ mark for new).</summary>
    private HashSet<char> Marks => _marks ??= _phrases.Where(p => p.Phrase.Length == 1).Select(p => p.Phrase[0]).ToHashSet();
    private LemmaPhraseMatcher<T>? _lemmas;
    private PhraseMatcher<T>? _surfaces;
    private GappedPhraseMatcher<T>? _gapped;

    // Built on first use: a glossary file a question never needs costs nothing.
    private LemmaPhraseMatcher<T> Lemmas => _lemmas ??= new LemmaPhraseMatcher<T>(_phrases, model);

    private PhraseMatcher<T> Surfaces => _surfaces ??= new PhraseMatcher<T>(
        _phrases.Where(p => !IsGappedEnglish(p.Phrase)).Select(p => (p.Phrase.Replace(LemmaPhraseMatcher<T>.Gap, ""), p.Value)),
        endsInsideWord: IsKanjiCompound);

    /// <summary>
    /// A phrase of three kanji or more (目標達成): a compound, which MeCab may cut across where the question's kana follow it
    /// (目標達成って: 目標・達・成っ・て), so it may end inside a morpheme.
    /// </summary>
    private static bool IsKanjiCompound(string phrase) => phrase.Length >= 3 && phrase.All(JapaneseCharacters.IsKanji);

    private GappedPhraseMatcher<T> Gapped => _gapped ??= new GappedPhraseMatcher<T>(_phrases);

    private static bool IsGappedEnglish(string phrase) => phrase.Contains(LemmaPhraseMatcher<T>.Gap) && QueryText.IsLatin(phrase[0]);

    public List<GlossaryMatch<T>> FindAll(QueryText query)
    {
        var found = Lemmas.FindAll(query)
            .Select(m => new GlossaryMatch<T>(m.Start, m.End, query.Text[m.Start..m.End], m.Value, Negation.After(query, m.LastMorpheme), m.LastMorpheme))
            .ToList();
        foreach (var m in Surfaces.FindAll(query).Concat(Gapped.FindAll(query)))
        {
            var last = LastMorphemeBefore(query, m.End);
            var negated = QueryText.IsLatin(m.Phrase[^1]) ? Negation.Before(query, m.Start) : last >= 0 && Negation.After(query, last);
            found.Add(new GlossaryMatch<T>(m.Start, m.End, m.Phrase, m.Value, negated, last));
        }
        found.RemoveAll(m => m.End - m.Start == 1 && IsRepeatedMark(query.Text, m.Start));
        return found;
    }

    /// <summary>
    /// Whether a one-character phrase stands beside another such mark: ○○事業 is a placeholder for a name, as XX is, not
    /// the mark twice.
    /// </summary>
    private bool IsRepeatedMark(string text, int at) =>
        Marks.Contains(text[at]) && ((at > 0 && Marks.Contains(text[at - 1])) || (at + 1 < text.Length && Marks.Contains(text[at + 1])));

    /// <summary>The index of the last morpheme that ends at or before <paramref name="end"/> (-1 when none does).</summary>
    private static int LastMorphemeBefore(QueryText query, int end)
    {
        var last = -1;
        for (var i = 0; i < query.Morphemes.Count && query.Morphemes[i].End <= end; i++) last = i;
        return last;
    }
}
