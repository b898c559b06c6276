namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Finds English glossary phrases that leave room for other words between their parts (hit…target: hit their numeric
/// target; didn't meet…target), at most <see cref="LemmaPhraseMatcher{T}.MaxGap"/> words, as <see cref="LemmaPhraseMatcher{T}"/>
/// does for Japanese. Each part matches whole words (the last with a plural ending: targets); only the parts are
/// consumed, so what stands in a gap is read as the question's own words.
/// </summary>
internal sealed class GappedPhraseMatcher<T>
{
    private readonly List<(string[][] Parts, T Value)> _patterns;

    public GappedPhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        _patterns = phrases
            .Where(p => p.Phrase.Contains(LemmaPhraseMatcher<T>.Gap) && QueryText.IsLatin(p.Phrase[0]))
            .Select(p => (Parts: p.Phrase.Split(LemmaPhraseMatcher<T>.Gap, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => QueryText.Normalize(part).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray(), p.Value))
            .Where(p => p.Parts.Length > 1 && p.Parts.All(part => part.Length > 0))
            .OrderByDescending(p => p.Parts.Sum(part => part.Length))
            .ToList();
    }

    /// <summary>Every match, the phrases of most words first; each match's parts are consumed.</summary>
    public List<PhraseMatch<T>> FindAll(QueryText query)
    {
        var matches = new List<PhraseMatch<T>>();
        if (_patterns.Count == 0) return matches;
        var words = Words(query.Text);
        foreach (var (parts, value) in _patterns)
        {
            for (var first = 0; first < words.Count; first++)
            {
                if (Spans(query, words, parts, first) is not { } spans) continue;
                foreach (var (start, end) in spans) query.Consume(start, end);
                matches.Add(new PhraseMatch<T>(spans[0].Start, spans[^1].End, query.Text[spans[0].Start..spans[^1].End], value));
            }
        }
        return matches;
    }

    /// <summary>Where each part stands, the first at word <paramref name="first"/> and each next one after at most the gap's words; null where they do not.</summary>
    private static List<(int Start, int End)>? Spans(QueryText query, List<(int Start, int End)> words, string[][] parts, int first)
    {
        // The word each part starts at; the spans are made only for a match (nearly every place is none).
        Span<int> starts = parts.Length <= 16 ? stackalloc int[parts.Length] : new int[parts.Length];
        var at = first;
        for (var p = 0; p < parts.Length; p++)
        {
            var found = -1;
            var latest = p == 0 ? at : Math.Min(words.Count - 1, at + LemmaPhraseMatcher<T>.MaxGap);
            for (var w = at; w <= latest && found < 0; w++)
            {
                if (Matches(query, words, parts[p], w, last: p == parts.Length - 1)) found = w;
            }
            if (found < 0) return null;
            starts[p] = found;
            at = found + parts[p].Length;
        }
        var spans = new List<(int Start, int End)>(parts.Length);
        for (var p = 0; p < parts.Length; p++) spans.Add((words[starts[p]].Start, words[starts[p] + parts[p].Length - 1].End));
        return spans;
    }

    private static bool Matches(QueryText query, List<(int Start, int End)> words, string[] part, int at, bool last)
    {
        if (at + part.Length > words.Count) return false;
        for (var i = 0; i < part.Length; i++)
        {
            var (start, end) = words[at + i];
            var word = query.Text.AsSpan(start, end - start);
            var plural = last && i == part.Length - 1 && IsPlural(word, part[i]);
            if ((!word.SequenceEqual(part[i]) && !plural) || !query.IsFree(start, end)) return false;
        }
        return true;
    }

    /// <summary>The word is <paramref name="singular"/> with s or es.</summary>
    private static bool IsPlural(ReadOnlySpan<char> word, string singular) =>
        word.StartsWith(singular, StringComparison.Ordinal) && word[singular.Length..] is "s" or "es";

    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            var end = text.IndexOf(' ', i);
            if (end < 0) end = text.Length;
            words.Add((i, end));
            i = end;
        }
        return words;
    }
}
