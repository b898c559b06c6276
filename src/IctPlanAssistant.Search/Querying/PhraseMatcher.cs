namespace IctPlanAssistant.Search.Querying;

/// <summary>A phrase of the glossary (or the index's own names) found in a question.</summary>
internal readonly record struct PhraseMatch<T>(int Start, int End, string Phrase, T Value);

/// <summary>
/// Finds phrases in a question, longest first, each where nothing else was understood yet. Latin phrases match
/// whole words (with a plural ending: tablet, tablets; company, companies); Japanese phrases match whole morphemes,
/// so ネット is not found inside ネットワーク.
/// </summary>
internal sealed class PhraseMatcher<T>
{
    private readonly List<(string Phrase, T Value, bool IsAcronym)> _phrases;

    // Phrases by their first two characters (one-character phrases by their character): a question is scanned once,
    // not once per phrase, and at each place only the phrases that start with what stands there are compared (by the
    // first character alone, hundreds of the dictionary's phrases were compared at a common kanji).
    private readonly Dictionary<long, int[]> _byStart;

    // Phrases that may end inside a morpheme: the plan's own full names, which MeCab can glue to what follows (土木部所管: 土木・部所・管).
    private readonly Func<string, bool>? _endsInsideWord;

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, Func<string, bool>? endsInsideWord = null)
    {
        _endsInsideWord = endsInsideWord;
        _phrases = phrases
            .Select(p => (Phrase: QueryText.Normalize(p.Phrase), p.Value, IsAcronym: IsAcronym(p.Phrase)))
            .Where(p => p.Phrase.Length > 0)
            .SelectMany(p => IesPlural(p.Phrase) is { } plural ? [p, (plural, p.Value, false)] : new[] { p })
            .DistinctBy(p => p.Phrase)
            .OrderByDescending(p => p.Phrase.Length)
            .ToList();
        _byStart = _phrases.Select((p, i) => (Key: StartKey(p.Phrase, 0), Index: i)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray());
    }

    /// <summary>The key of the phrases starting at <paramref name="at"/>: its first two characters, or its one (keys apart from any pair's).</summary>
    private static long StartKey(string text, int at) => at + 1 < text.Length ? (text[at] + 1L) << 16 | text[at + 1] : text[at];

    /// <summary>IT, AR, LINE: matched only in capitals, so "it" and "line" in a question stay ordinary words.</summary>
    private static bool IsAcronym(string phrase) => phrase.Length is >= 2 and <= 5 && phrase.All(char.IsAsciiLetterUpper);

    /// <summary>Every match, longest phrases first; each match is consumed when <paramref name="consume"/> is set.</summary>
    public List<PhraseMatch<T>> FindAll(QueryText query, bool consume = true, Func<PhraseMatch<T>, bool>? accept = null)
    {
        var text = query.Text;
        // Where each phrase occurs, then taken longest phrase first (as if each were searched in turn).
        var occurrences = new List<(int Phrase, int At)>();
        for (var at = 0; at < text.Length; at++)
        {
            // The phrases of one character, then those of two or more starting with the two that stand here.
            if (_byStart.TryGetValue(text[at], out var single)) Add(single, at);
            if (at + 1 < text.Length && _byStart.TryGetValue(StartKey(text, at), out var longer)) Add(longer, at);
        }
        occurrences.Sort((a, b) => a.Phrase != b.Phrase ? a.Phrase.CompareTo(b.Phrase) : a.At.CompareTo(b.At));

        void Add(int[] candidates, int at)
        {
            foreach (var p in candidates)
            {
                if (text.AsSpan(at).StartsWith(_phrases[p].Phrase, StringComparison.Ordinal)) occurrences.Add((p, at));
            }
        }

        var matches = new List<PhraseMatch<T>>();
        foreach (var (p, at) in occurrences)
        {
            var (phrase, value, isAcronym) = _phrases[p];
            var end = at + phrase.Length;
            if (QueryText.IsLatin(phrase[^1]) && TakesPlural(phrase)) end = PluralEnd(text, end, phrase);
            if (!query.IsBoundary(at, atStart: true) || !query.IsFree(at, end)) continue;
            if (!query.IsBoundary(end, atStart: false) && _endsInsideWord?.Invoke(phrase) != true) continue;
            if (isAcronym && !query.CasedText.AsSpan(at, phrase.Length).SequenceEqual(phrase.ToUpperInvariant())) continue;
            var match = new PhraseMatch<T>(at, end, phrase, value);
            if (accept is not null && !accept(match)) continue;
            matches.Add(match);
            if (consume) query.Consume(at, end);
        }
        return matches;
    }

    /// <summary>A phrase ending in "it" (about it) takes no plural: "about its" is no "about it" (PCs still is PC).</summary>
    private static bool TakesPlural(string phrase) => !phrase.EndsWith(" it", StringComparison.Ordinal) && phrase != "it";

    /// <summary>Extends a Latin match over a plural ending (s, es).</summary>
    private static int PluralEnd(string text, int end, string phrase)
    {
        bool Has(string suffix) => string.CompareOrdinal(text, end, suffix, 0, suffix.Length) == 0 &&
                                   (end + suffix.Length >= text.Length || !QueryText.IsLatin(text[end + suffix.Length]));
        if (Has("es")) return end + 2;
        return Has("s") ? end + 1 : end;
    }

    /// <summary>company → companies (a consonant before the y).</summary>
    private static string? IesPlural(string phrase) =>
        phrase.Length > 2 && phrase[^1] == 'y' && QueryText.IsLatin(phrase[^2]) && "aeiou".IndexOf(phrase[^2]) < 0
            ? phrase[..^1] + "ies"
            : null;
}
