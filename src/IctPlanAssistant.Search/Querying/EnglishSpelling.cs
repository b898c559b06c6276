namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Mends English words typed wrong (tablits → tablets, dissaster → disaster, budjet → budget) before anything reads
/// the question: a word neither the glossary nor EDICT knows in any of its forms is replaced by the one known word
/// within one edit of it (two for a long word), the glossary's and question words first, then EDICT's. A word with
/// no such neighbour, or with several equally near, is left as typed: a guess between two words is no mending.
/// </summary>
public sealed class EnglishSpelling
{
    /// <summary>Shorter words are left alone: at three letters one edit reaches too many words.</summary>
    private const int MinimumLength = 4;

    /// <summary>From this length on, two edits (a transposition counts one) still leave the word recognisable.</summary>
    private const int TwoEditsLength = 8;

    private readonly HashSet<string> _domain;
    private readonly string[][] _domainByLength;
    private readonly EnglishGlosses _glosses;
    private string[][]? _dictionaryByLength;

    public EnglishSpelling(IEnumerable<string> domainWords, EnglishGlosses glosses)
    {
        _domain = domainWords.Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 2 && w.All(char.IsAsciiLetter)).ToHashSet(StringComparer.Ordinal);
        _domainByLength = EditDistance.ByLength(_domain);
        _glosses = glosses;
    }

    /// <summary>The words of the glossary's English phrases, its English stop words and its question words.</summary>
    public static EnglishSpelling For(Glossary glossary, EnglishGlosses glosses) =>
        new(glossary.Terms.Select(t => t.Phrase)
                .Concat(glossary.Intents.Select(i => i.Phrase)).Concat(glossary.Filters.Select(f => f.Phrase))
                .Concat(glossary.Columns.Select(c => c.Phrase)).Concat(glossary.Departments.Select(d => d.Phrase))
                .Concat(glossary.Sections.Select(s => s.Phrase)).Concat(glossary.EnglishStopWords)
                .SelectMany(p => p.Split([' ', '-', '…', '/', '\''], StringSplitOptions.RemoveEmptyEntries)),
            glosses);

    /// <summary>The text with each unknown English word mended where one known word is nearest; the rest as typed.</summary>
    public string Correct(string text)
    {
        System.Text.StringBuilder? mended = null;
        var at = 0;
        var first = true; // the first word may be capitalised as a sentence starts
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
            // A word glued to digits (H29) is no word on its own; a capitalised one after the first is a name (Aizu, Iwaki).
            var whole = (i == 0 || !IsAsciiWordChar(text[i - 1])) && (end == text.Length || !IsAsciiWordChar(text[end]));
            var name = char.IsAsciiLetterUpper(text[i]) && !first;
            first = false;
            if (whole && !name && Mend(text[i..end]) is { } word)
            {
                mended ??= new System.Text.StringBuilder(text.Length);
                mended.Append(text, at, i - at).Append(word);
                at = end;
            }
            i = end;
        }
        return mended is null ? text : mended.Append(text, at, text.Length - at).ToString();
    }

    private static bool IsAsciiWordChar(char c) => c < 0x80 && char.IsAsciiLetterOrDigit(c);

    /// <summary>The known word a typed one stands for, or null when it is known itself, too short, an acronym, or no single word is nearest.</summary>
    private string? Mend(string typed)
    {
        if (typed.Length < MinimumClippedLength || typed.All(char.IsAsciiLetterUpper)) return null;
        var word = typed.ToLowerInvariant();
        if (IsKnown(word)) return null;
        if (Clipped(word) is { } whole) return char.IsAsciiLetterUpper(typed[0]) ? char.ToUpperInvariant(whole[0]) + whole[1..] : whole;
        if (typed.Length < MinimumLength) return null;
        var reach = word.Length >= TwoEditsLength ? 2 : 1;
        // A word that spells kana may be Japanese in Latin letters (keisatsu honbu), read as such later: it is mended only
        // into a word of the glossary (radation: radiation), never into any word of the dictionary (honbu: konbu).
        var nearest = EditDistance.Nearest(word, _domainByLength, reach) ??
                      (Romaji.ToKatakana(word) is not null ? null : EditDistance.Nearest(word, _dictionaryByLength ??= EditDistance.ByLength(_glosses.Words.Where(w => w.All(char.IsAsciiLetter))), 1));
        return nearest is null ? null : char.IsAsciiLetterUpper(typed[0]) ? char.ToUpperInvariant(nearest[0]) + nearest[1..] : nearest;
    }

    /// <summary>A clipped word is at least this long (div, pref): shorter, it begins too many.</summary>
    private const int MinimumClippedLength = 3;

    /// <summary>Letters a clipped word's family shares beyond it: prefecture and prefectural are one word, subsidy and submit two.</summary>
    private const int FamilyLetters = 3;

    /// <summary>
    /// The glossary's word a word clipped in chat stands for (pref: prefecture; div: division; admin: administration): the
    /// shortest of the glossary's words that begin with it, when they are all one word's forms (they share
    /// <see cref="FamilyLetters"/> more letters); null when none or several words begin so.
    /// </summary>
    private string? Clipped(string word)
    {
        var longer = _domain.Where(w => w.Length >= word.Length + FamilyLetters && w.StartsWith(word, StringComparison.Ordinal)).ToList();
        if (longer.Count == 0) return null;
        var stem = longer[0][..(word.Length + FamilyLetters)];
        return longer.All(w => w.StartsWith(stem, StringComparison.Ordinal)) ? longer.MinBy(w => (w.Length, w)) : null;
    }

    private bool IsKnown(string word) =>
        _domain.Contains(word) || _glosses.Knows(word) || EnglishForms.Lemmas(word).Any(l => _domain.Contains(l));
}
