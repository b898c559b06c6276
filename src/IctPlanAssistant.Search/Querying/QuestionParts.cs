namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The parts of a question that asks for two things, each of which another row may answer (介護ロボットの補助ってあります？
/// あとアシストスーツの話も県の事業なのかな; Does the assembly stream its sessions online, and can I search the minutes?).
/// A part begins after a question mark, or at an English clause joined by "and", where the words there ask for more
/// (あと…; …も with a predicate of its own; a thing and は alone; also…; a clause that asks whether) and point back at
/// nothing (それ, its): a row then answers the question by covering one part. What a part says of the part before it
/// (…その予算は？ what is its budget?) is no part of its own; nor is a part without a thing of its own (the interpreter
/// joins it to the one before).
/// </summary>
internal sealed class QuestionParts
{
    private readonly int[] _starts;

    private QuestionParts(int[] starts) => _starts = starts;

    public static QuestionParts One { get; } = new([]);

    /// <summary>The part a word starting at <paramref name="position"/> belongs to, 0 for the first.</summary>
    public int Of(int position)
    {
        var part = 0;
        while (part < _starts.Length && _starts[part] <= position) part++;
        return part;
    }

    public int Count => _starts.Length + 1;

    /// <param name="filters">The filter words found (their also, scope and each words tell a part).</param>
    /// <param name="questionStart">Where the question begins after what the asker says of themselves.</param>
    /// <param name="questionEnd">Where a remark after the question begins.</param>
    public static QuestionParts Read(QueryText query, QueryLanguage language, IReadOnlyList<GlossaryMatch<FilterPhrase>> filters, int questionStart, int questionEnd)
    {
        var text = query.Text;
        var starts = new List<int>();
        foreach (var (start, end, byClause) in Clauses(query))
        {
            if (start <= questionStart || start >= questionEnd) continue;
            bool Says(FilterWord word) => filters.Any(f => f.Start >= start && f.Start < end && f.Value.Condition == word);
            if (Says(FilterWord.Scope) || Says(FilterWord.Each)) continue;
            var also = filters.Any(f => f.Value.Condition == FilterWord.Also && f.Start >= start && f.Start < end && (language == QueryLanguage.English || text[start..f.Start].Trim().Length == 0));
            // An English clause that asks whether (…, and can I search the minutes?) asks anew; one that asks what or how many
            // (…, and how many posts did we get?) most often asks more of the same project.
            var asksMore = language == QueryLanguage.English
                ? also || Interrogatives.StartsAYesNoQuestion(FirstWord(text, start, end))
                : !byClause && (also || HasAlso(query, start, end) && HasPredicate(query, start, end) || IsElliptical(query, start, end));
            if (asksMore) starts.Add(start);
        }
        return starts.Count == 0 ? One : new QuestionParts([.. starts]);
    }

    /// <summary>Where each sentence after a question mark begins, and each clause after a comma and "and".</summary>
    private static IEnumerable<(int Start, int End, bool ByClause)> Clauses(QueryText query)
    {
        var text = query.Text;
        var (questionMarks, commas) = query.Marks;
        bool InText(int at) => at >= 0 && at < text.Length; // a mark at the very start or end of the text stands outside it
        var boundaries = questionMarks.Where(InText).Select(at => (At: at, ByClause: false))
            .Concat(commas.Where(at => InText(at) && text.AsSpan(at).TrimStart().StartsWith("and ", StringComparison.Ordinal))
                .Select(at => (At: at + text.AsSpan(at).IndexOf("and ", StringComparison.Ordinal) + 4, ByClause: true)))
            .OrderBy(b => b.At).ToList();
        for (var k = 0; k < boundaries.Count; k++)
        {
            var start = Math.Min(boundaries[k].At, text.Length);
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            var end = k + 1 < boundaries.Count ? boundaries[k + 1].At : text.Length;
            if (start < end) yield return (start, end, boundaries[k].ByClause);
        }
    }

    private static string FirstWord(string text, int start, int end) => text[start..end].TrimStart().Split(' ', 2)[0];

    /// <summary>Whether the sentence asks for a thing too: a noun (or a hedge after one, とかも) followed by the particle も.</summary>
    private static bool HasAlso(QueryText query, int start, int end)
    {
        var morphemes = query.Morphemes;
        for (var i = 1; i < morphemes.Count; i++)
        {
            var m = morphemes[i];
            if (m.Start < start || m.End > end) continue;
            if (query.Text[m.Start..m.End] != "も" || !m.Features.PartOfSpeech.StartsWith("助詞-係助詞", StringComparison.Ordinal)) continue;
            var before = morphemes[i - 1];
            if (before.Start >= start && (before.Features.Category == "名詞" || query.Text[before.Start..before.End] is "とか" or "など" or "なんか")) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the sentence says something of its own (ある, 県の事業なのかな, 知りたい): 農林のほうも alone asks the sentence
    /// before it again of another thing, which is no part of its own.
    /// </summary>
    private static bool HasPredicate(QueryText query, int start, int end) =>
        query.Morphemes.Any(m => m.Start >= start && m.End <= end && m.Features.Category is "動詞" or "形容詞" or "助動詞");

    /// <summary>Whether the sentence is a thing and は alone (ロボットは？), asking of it what the sentence before asked.</summary>
    private static bool IsElliptical(QueryText query, int start, int end)
    {
        // The question mark that ends it is a space of the normalised text by now.
        var inside = query.Morphemes.Where(m => m.Start >= start && m.End <= end && m.Length > 0 && !char.IsWhiteSpace(query.Text[m.Start])).ToList();
        return inside.Count >= 2 && query.Text[inside[^1].Start..inside[^1].End] == "は" &&
               inside.Take(inside.Count - 1).All(m => m.Features.Category is "名詞" || m.Features.PartOfSpeech.StartsWith("助詞-連体化", StringComparison.Ordinal));
    }
}
