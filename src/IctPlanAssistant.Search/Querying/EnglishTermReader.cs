namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The things an English question is about (or the Latin words of a Japanese one: ICT, LINE): the glossary's terms,
/// then the other words, searched as written. Words joined by "or" are one group of alternatives (drones or robots).
/// </summary>
internal sealed class EnglishTermReader(IReadOnlySet<string> stopWords)
{
    private static readonly HashSet<string> OrWords = ["or", "either", "and/or"];

    /// <summary>The glossary's terms found in an English question, and its other words, in the order they stand.</summary>
    public List<TermGroup> Read(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms)
    {
        var spans = glossaryTerms
            .GroupBy(m => m.Value)
            .Select(g => (g.First().Start, g.Last().End, Group: new TermGroup(g.First().Phrase, g.Key.Search, g.Key.IsAction ? TermKind.Verb : TermKind.Word)))
            .Concat(OtherWords(query))
            .OrderBy(s => s.Start)
            .ToList();
        var groups = new List<(int Start, int End, TermGroup Group)>();
        foreach (var span in spans)
        {
            if (groups.Count > 0 && IsOr(query.Text, groups[^1].End, span.Start))
            {
                var last = groups[^1];
                groups[^1] = (last.Start, span.End, JapaneseTermReader.Either(last.Group, span.Group));
                continue;
            }
            groups.Add(span);
        }
        return groups.Select(g => g.Group).ToList();
    }

    /// <summary>The Latin words left in a Japanese question (ICT, LINE) or an English one, searched as written.</summary>
    public IEnumerable<TermGroup> OtherWordsOf(QueryText query) => OtherWords(query).Select(w => w.Group);

    private IEnumerable<(int Start, int End, TermGroup Group)> OtherWords(QueryText query)
    {
        var remaining = query.Remaining();
        var seen = new HashSet<string>();
        var at = 0;
        foreach (var token in remaining.Split(' '))
        {
            var start = at;
            at += token.Length + 1;
            var word = new string(token.Where(c => c < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')).ToArray()).Trim('-', '.');
            if (word.Length < 2 || word.All(char.IsAsciiDigit) || stopWords.Contains(word) || !seen.Add(word)) continue;
            yield return (start, start + token.Length, new TermGroup(word, [word], TermKind.UnknownEnglish));
        }
    }

    /// <summary>Whether the words between two terms say "either" (or, or the, , or).</summary>
    private bool IsOr(string text, int end, int start)
    {
        if (start <= end) return false;
        var between = text[end..start].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return between.Any(OrWords.Contains) && between.All(w => OrWords.Contains(w) || w is "a" or "an" or "the");
    }
}
