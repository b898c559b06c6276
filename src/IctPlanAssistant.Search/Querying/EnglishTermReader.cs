namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The things an English question is about (or the Latin words of a Japanese one: ICT, LINE): the glossary's terms,
/// then the other words, searched as written. Two words EDICT knows as one expression (old people: 高齢者; heavy rain:
/// 大雨) are one group, and words joined by "or" are one group of alternatives (drones or robots).
/// </summary>
internal sealed class EnglishTermReader(IReadOnlySet<string> stopWords, EnglishGlosses glosses)
{
    private static readonly HashSet<string> OrWords = ["or", "either", "and/or"];

    /// <summary>Pronouns that are a clause's subject: the word after them (or after their modal) is its verb.</summary>
    private static readonly HashSet<string> Subjects = ["i", "we", "you", "they", "he", "she"];

    /// <summary>Modals and auxiliaries between a subject and its verb (i can check, we'd like, they have built).</summary>
    private static readonly HashSet<string> Modals = ["can", "could", "will", "would", "should", "must", "may", "might", "do", "did", "does", "have", "has", "had", "also", "just", "usually", "often", "always", "never", "still"];

    /// <summary>
    /// Whether the word at <paramref name="start"/> follows a subject pronoun, perhaps after modals (before i head out;
    /// where i can check): a verb, whatever EDICT knows of its spelling as a noun (head: 頭).
    /// </summary>
    private static bool AfterASubject(QueryText query, int start)
    {
        foreach (var word in query.WordsBefore(start, 3).Reverse())
        {
            if (Subjects.Contains(word)) return true;
            if (!Modals.Contains(word)) return false;
        }
        return false;
    }

    /// <summary>Words an item of a list may start with that say nothing of it (or their phones, or an app).</summary>
    private static readonly HashSet<string> Determiners = ["a", "an", "the", "their", "your", "its", "our", "his", "her", "my", "some", "any", "other"];

    /// <summary>The glossary's terms found in an English question, and its other words, in the order they stand.</summary>
    /// <param name="context">The question's sentences of context (<see cref="QuestionContext.EnglishSpans"/>: I'm a consultant
    /// reviewing your e-government portfolio.): a word said there, and not again after it, is context.</param>
    /// <param name="planWrites">Whether the plan writes a Japanese word (an expression is read as one only for a gloss the plan has).</param>
    /// <param name="parts">The parts of a question that asks for two things: each word is marked with its part.</param>
    public List<TermGroup> Read(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, EnglishContext context, Func<string, bool> planWrites, QuestionParts parts)
    {
        var spans = glossaryTerms
            .GroupBy(m => m.Value)
            .Select(g => (Start: g.Min(m => m.Start), End: g.Max(m => m.End),
                Group: new TermGroup(g.First().Phrase, g.Key.Search, g.Key.IsAction ? TermKind.Verb : TermKind.Word) { InContext = g.All(m => context.Holds(m.Start, m.End)) }))
            .Concat(OtherWords(query).Select(w => context.Holds(w.Start, w.End) ? w with { Group = w.Group with { InContext = true } } : w)
                .Select(w => AfterASubject(query, w.Start) ? w with { Group = w.Group with { Kind = TermKind.Verb } } : w))
            .Select(s => parts.Count > 1 ? s with { Group = s.Group with { Part = parts.Of(s.Start) } } : s)
            .OrderBy(s => s.Start)
            .ToList();
        var expressions = Expressions(query.Text, spans, planWrites);
        // links[k]: what joins expressions[k - 1] and expressions[k].
        var links = new Link[expressions.Count];
        for (var k = 1; k < expressions.Count; k++) links[k] = LinkOf(query, expressions[k - 1].End, expressions[k].Start);
        var groups = new List<(int Start, int End, TermGroup Group)>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var span = expressions[i];
            // A list is read as one group of alternatives: drones or robots; social media, TV or their phones (the
            // items before the last joined by commas alone, the last by "or"); drones or robots or AI.
            var last = i + 1;
            while (last < expressions.Count && links[last] is Link.Comma) last++;
            if (last < expressions.Count && links[last] is Link.Or)
            {
                while (last + 1 < expressions.Count && links[last + 1] is Link.Or) last++;
                // The last item is the noun an adjective before it describes (rice paddies or steep slopes: slopes); the
                // adjective stays a word of its own.
                var described = last + 1 < expressions.Count && links[last + 1] is Link.None && Describes(expressions[last].Group) &&
                                query.Text[expressions[last].End..expressions[last + 1].Start].Trim().Length == 0;
                var item = described ? last + 1 : last;
                for (var j = i + 1; j <= item; j++)
                {
                    if (described && j == last) continue;
                    span = (span.Start, expressions[j].End, JapaneseTermReader.Either(span.Group, expressions[j].Group));
                }
                if (described) groups.Add(expressions[last]);
                i = item;
            }
            groups.Add(span);
        }
        return groups.Select(g => g.Group).ToList();
    }

    /// <summary>The Latin words left in a Japanese question (ICT, LINE) or an English one, searched as written.</summary>
    public IEnumerable<TermGroup> OtherWordsOf(QueryText query, QuestionParts parts) =>
        OtherWords(query).Select(w => parts.Count > 1 ? w.Group with { Part = parts.Of(w.Start) } : w.Group);

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

    /// <summary>
    /// The spans with each two next to each other that EDICT glosses as one expression (old people, heavy rain, medical
    /// care) into a word the plan writes made one group, unless both are the glossary's terms (the glossary knows its
    /// phrases) or the expression is a verb's.
    /// </summary>
    private List<(int Start, int End, TermGroup Group)> Expressions(string text, List<(int Start, int End, TermGroup Group)> spans, Func<string, bool> planWrites)
    {
        var result = new List<(int Start, int End, TermGroup Group)>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            if (i + 1 < spans.Count && Expression(text, spans[i], spans[i + 1], planWrites) is { } phrase)
            {
                result.Add((spans[i].Start, spans[i + 1].End, new TermGroup(phrase, [phrase])));
                i++;
                continue;
            }
            result.Add(spans[i]);
        }
        return result;
    }

    private string? Expression(string text, (int Start, int End, TermGroup Group) first, (int Start, int End, TermGroup Group) second, Func<string, bool> planWrites)
    {
        if (first.Group.Kind != TermKind.UnknownEnglish && second.Group.Kind != TermKind.UnknownEnglish) return null;
        if (second.Start != first.End + 1 || text[first.End] != ' ') return null;
        var phrase = (first.Group.Text + " " + second.Group.Text).ToLowerInvariant();
        if (phrase.Count(c => c == ' ') != 1 || !phrase.All(c => char.IsAsciiLetter(c) || c is ' ' or '-')) return null;
        // An expression the plan has no word for (young people: 若者) would lose what its words find one by one.
        if (!glosses.IsVerb(phrase) && glosses.Of(phrase).Any(g => g.Weight >= EnglishGlosses.Likeliest && planWrites(g.Word))) return phrase;
        // The question's hyphens are gone from its text, but the dictionary writes some words with one (barrier-free):
        // such a headword is one word, whichever of its senses the plan writes.
        var hyphenated = phrase.Replace(' ', '-');
        return !glosses.IsVerb(hyphenated) && glosses.Of(hyphenated).Any(g => planWrites(g.Word)) ? hyphenated : null;
    }

    /// <summary>Whether a word the glossary does not know describes rather than names (steep, internal).</summary>
    private bool Describes(TermGroup group) => group.Kind == TermKind.UnknownEnglish && glosses.Describes(group.Text);

    private enum Link { None, Comma, Or }

    /// <summary>What joins two terms: "or" (or, or the, , or their), a comma alone (, the), or anything else.</summary>
    private static Link LinkOf(QueryText query, int end, int start)
    {
        if (start <= end) return Link.None;
        var between = query.Text[end..start].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (!between.All(w => OrWords.Contains(w) || Determiners.Contains(w))) return Link.None;
        return between.Any(OrWords.Contains) ? Link.Or : query.HasCommaBetween(end, start) ? Link.Comma : Link.None;
    }
}
