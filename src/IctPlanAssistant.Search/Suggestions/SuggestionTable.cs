using System.Text;
using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Serialization;
using IctPlanAssistant.Text;
using Lucene.Net.Index;

namespace IctPlanAssistant.Search.Suggestions;

/// <summary>
/// What one index generation can suggest, read from it once: its project names (from the stored rows, with how many
/// rows carry each name) and its words (the terms of the name and body fields, with the most rows either field has
/// them in), each under two keys, its reading and its surface, folded alike (<see cref="Fold"/>) and sorted, so a
/// prefix is a binary search and a scan of the keys that start with it.
/// </summary>
internal sealed class SuggestionTable
{
    private readonly Entry[] _entries;
    private readonly string[] _keys;
    private readonly int[] _entryOf;

    private SuggestionTable(Entry[] entries, string[] keys, int[] entryOf)
    {
        _entries = entries;
        _keys = keys;
        _entryOf = entryOf;
    }

    /// <param name="Reading">In hiragana, as shown.</param>
    internal readonly record struct Entry(string Text, string Reading, SuggestionKind Kind, int Rows);

    public int Count => _entries.Length;

    public static SuggestionTable Build(IndexSnapshot snapshot, ReadingAnnotator annotator)
    {
        var entries = new List<Entry>();
        foreach (var (name, rows) in NameCounts(snapshot)) entries.Add(new Entry(name, annotator.ReadingOf(name), SuggestionKind.Name, rows));
        foreach (var (word, rows) in WordCounts(snapshot.Reader)) entries.Add(new Entry(word, annotator.ReadingOf(word), SuggestionKind.Word, rows));

        var keys = new List<(string Key, int Entry)>(entries.Count * 2);
        for (var i = 0; i < entries.Count; i++)
        {
            var surface = Fold(entries[i].Text);
            var reading = Fold(entries[i].Reading);
            if (surface.Length > 0) keys.Add((surface, i));
            if (reading.Length > 0 && reading != surface) keys.Add((reading, i));
        }
        keys.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new SuggestionTable([.. entries], keys.Select(k => k.Key).ToArray(), keys.Select(k => k.Entry).ToArray());
    }

    /// <summary>
    /// The key a text is looked up by: compatibility forms folded (full-width letters, half-width kana), lower case,
    /// hiragana as katakana, no spaces; so たぶ, タブ and ﾀﾌﾞ are one prefix, and a name the PDF wrapped (会津大学IT 起業家)
    /// is found as typed without the space. A lone surrogate (half a character) is dropped; text with a code point that
    /// cannot be normalised (a noncharacter such as U+FFFE) is folded without normalising.
    /// </summary>
    public static string Fold(string text)
    {
        var whole = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i)) whole.Append(text, i++, 2);
            else if (!char.IsSurrogate(text[i])) whole.Append(text[i]);
        }
        var folded = Normalized(whole.ToString()).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return JapaneseCharacters.HiraganaToKatakana(sb.ToString());
    }

    private static string Normalized(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>
    /// The best entries whose keys start with <paramref name="prefix"/> (already folded): up to <paramref name="limit"/>
    /// names and up to <paramref name="limit"/> words, each list best first (most rows, then shortest, then in text order).
    /// </summary>
    public (List<Entry> Names, List<Entry> Words) Lookup(string prefix, int limit)
    {
        var names = new List<int>(limit + 1);
        var words = new List<int>(limit + 1);
        if (prefix.Length == 0 || limit <= 0) return ([], []);
        for (var k = LowerBound(prefix); k < _keys.Length && _keys[k].StartsWith(prefix, StringComparison.Ordinal); k++)
        {
            var entry = _entryOf[k];
            Offer(_entries[entry].Kind == SuggestionKind.Name ? names : words, entry, limit);
        }
        return (names.Select(i => _entries[i]).ToList(), words.Select(i => _entries[i]).ToList());
    }

    /// <summary>Keeps the list the best <paramref name="limit"/> entries, best first; an entry reached by both its keys is kept once.</summary>
    private void Offer(List<int> best, int entry, int limit)
    {
        if (best.Contains(entry)) return;
        var at = best.Count;
        while (at > 0 && Better(entry, best[at - 1])) at--;
        if (at >= limit) return;
        best.Insert(at, entry);
        if (best.Count > limit) best.RemoveAt(limit);
    }

    private bool Better(int a, int b)
    {
        var (x, y) = (_entries[a], _entries[b]);
        if (x.Rows != y.Rows) return x.Rows > y.Rows;
        if (x.Text.Length != y.Text.Length) return x.Text.Length < y.Text.Length;
        return string.CompareOrdinal(x.Text, y.Text) < 0;
    }

    private int LowerBound(string prefix)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_keys[mid], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Each project name of the live rows and how many rows carry it (a name recurs across plans and years).</summary>
    private static Dictionary<string, int> NameCounts(IndexSnapshot snapshot)
    {
        var reader = snapshot.Reader;
        var live = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { PlanFields.Row };
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            // Only the name: the stored row is read without keeping the whole row in memory.
            var name = PlanJson.Deserialize<NameOnly>(snapshot.Searcher.Doc(doc, fields).Get(PlanFields.Row))?.Name?.Trim();
            if (string.IsNullOrEmpty(name)) continue;
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }

    private sealed record NameOnly(string? Name);

    /// <summary>
    /// The words of the name and body fields (their analysed terms: 防災, タブレット, 会津) with the most rows either field
    /// has them in; words of one character, and words without a kana or kanji (numbers, Latin letters), are left out.
    /// </summary>
    private static Dictionary<string, int> WordCounts(IndexReader reader)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { PlanFields.NameText, PlanFields.BodyText })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null) continue;
            var e = terms.GetEnumerator();
            while (e.MoveNext())
            {
                var word = e.Term.Utf8ToString();
                if (word.Length < 2 || !word.Any(c => JapaneseCharacters.IsJapanese(c) && char.IsLetter(c))) continue;
                counts[word] = Math.Max(counts.GetValueOrDefault(word), e.DocFreq);
            }
        }
        return counts;
    }
}
