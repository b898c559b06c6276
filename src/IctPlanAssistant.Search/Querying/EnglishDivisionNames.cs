namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The plan's divisions named in English as staff translate them, word by word (Information Policy Division: 情報政策課;
/// the PR division: 広報課; the disability welfare division: 障がい福祉課): the words before "division" are put into Japanese
/// through the glossary and the dictionary, and each way of writing them together, with 課, that is a division of the plan
/// names it. The plan gives no English names for its divisions, and a division's words alone match rows of other
/// divisions too.
/// </summary>
internal sealed class EnglishDivisionNames(IEnumerable<string> divisions, Func<string, IEnumerable<string>> japaneseOf)
{
    private readonly HashSet<string> _divisions = [.. divisions];

    /// <summary>The most words a division's English name has before "division" (crisis management, information policy).</summary>
    private const int MaxWords = 3;

    /// <summary>A bound on the spellings tried for one name: a word's Japanese words, multiplied over its words.</summary>
    private const int MaxSpellings = 512;

    private static readonly HashSet<string> DivisionWords = ["division", "divisions", "div"];

    /// <summary>Every division named so among the question's words not yet understood; each name (with "division") is consumed.</summary>
    public List<PhraseMatch<string>> FindAll(QueryText query)
    {
        var found = new List<PhraseMatch<string>>();
        var words = QueryText.LatinWords(query.Text);
        for (var at = 1; at < words.Count; at++)
        {
            if (!DivisionWords.Contains(query.Text[words[at].Start..words[at].End])) continue;
            for (var length = Math.Min(MaxWords, at); length >= 1; length--)
            {
                var (start, end) = (words[at - length].Start, words[at].End);
                if (!query.IsFree(start, end)) continue;
                if (Division(words.GetRange(at - length, length).Select(w => query.Text[w.Start..w.End]).ToList()) is not { } division) continue;
                query.Consume(start, end);
                found.Add(new PhraseMatch<string>(start, end, query.Text[start..end], division));
                break;
            }
        }
        return found;
    }

    /// <summary>The division the words name, written in Japanese one after another and followed by 課; null when none is.</summary>
    private string? Division(List<string> english)
    {
        IEnumerable<string> spellings = [""];
        var count = 1;
        foreach (var word in english)
        {
            var japanese = japaneseOf(word).Distinct().ToList();
            count *= Math.Max(japanese.Count, 1);
            if (japanese.Count == 0 || count > MaxSpellings) return null;
            spellings = spellings.SelectMany(s => japanese.Select(j => s + j)).ToList();
        }
        return spellings.Select(s => s + "課").FirstOrDefault(_divisions.Contains);
    }
}
