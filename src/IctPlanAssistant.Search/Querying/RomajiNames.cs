using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The plan's department and division names written in romaji (Koho-ka: 広報課; Joho Seisaku-ka: 情報政策課; Somubu:
/// 総務部), as staff who chat in English write them: one to <see cref="MaxWords"/> Latin words joined by spaces or
/// hyphens, read back into kana (<see cref="Romaji"/>) and compared with each name's reading by <see cref="Romaji.Key"/>,
/// which writes long vowels as romaji does (コウホウカ and Koho-ka alike).
/// </summary>
internal sealed class RomajiNames
{
    /// <summary>The most words a name is written in (joho seisaku ka).</summary>
    private const int MaxWords = 4;

    /// <summary>Keys shorter than this (a name of two kana) are too likely an English word's.</summary>
    private const int MinKeyLength = 3;

    private readonly Dictionary<string, string> _byKey;

    public RomajiNames(IEnumerable<string> names, MeCabModel model)
    {
        _byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct())
        {
            if (ReadingVocabulary.ReadingOf(name, model) is not { } reading || Romaji.Key(reading) is not { Length: >= MinKeyLength } key) continue;
            // Two names of one reading cannot be told apart in romaji: neither is read from it.
            if (!_byKey.TryAdd(key, name) && _byKey[key] != name) ambiguous.Add(key);
        }
        foreach (var key in ambiguous) _byKey.Remove(key);
    }

    /// <summary>Every name written in romaji among the question's words not yet understood, the longest spans first; each is consumed.</summary>
    public List<PhraseMatch<string>> FindAll(QueryText query)
    {
        var found = new List<PhraseMatch<string>>();
        if (_byKey.Count == 0) return found;
        var words = QueryText.LatinWords(query.Text);
        for (var length = Math.Min(MaxWords, words.Count); length >= 1; length--)
        {
            for (var first = 0; first + length <= words.Count; first++)
            {
                var (start, end) = (words[first].Start, words[first + length - 1].End);
                if (!query.IsFree(start, end) || !Joined(query.Text, words, first, length)) continue;
                var latin = string.Concat(Enumerable.Range(first, length).Select(i => query.Text[words[i].Start..words[i].End]));
                if (Romaji.ToKatakana(latin) is not { } kana || !_byKey.TryGetValue(Romaji.Key(kana), out var name)) continue;
                query.Consume(start, end);
                found.Add(new PhraseMatch<string>(start, end, query.Text[start..end], name));
            }
        }
        return found;
    }

    /// <summary>Whether the words from <paramref name="first"/> stand one space or hyphen apart: one name, not words of a sentence.</summary>
    private static bool Joined(string text, List<(int Start, int End)> words, int first, int length)
    {
        for (var i = first + 1; i < first + length; i++)
        {
            if (words[i].Start - words[i - 1].End != 1 || text[words[i - 1].End] is not (' ' or '-')) return false;
        }
        return true;
    }
}
