using System.Runtime.CompilerServices;
using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Suggestions;

/// <summary>
/// Search-as-you-type: the project names and plan words whose reading or surface starts with what was typed, in kana
/// before or without the IME's conversion (たぶ → タブレット, ぼうさい → 防災…, あいづ → 会津大学…), in katakana, kanji or
/// letters. Served from one index snapshot's table (<see cref="SuggestionTable"/>, built once per generation, in the
/// background when a new generation is published, the previous one answering meanwhile); names
/// come first when any match (at most half the list while words remain to fill it), then words, each by how many
/// rows have them. When the whole text completes to nothing, its part after the last space or punctuation is tried
/// (<c>保健福祉部 たぶ</c>).
/// </summary>
public sealed class PlanSuggester(PlanIndex index, ReadingAnnotator annotator)
{
    /// <summary>The longest text looked up, in characters (a question box's text; longer is refused by the API).</summary>
    public const int MaxInput = 100;

    public const int DefaultLimit = 8;

    public const int MaxLimit = 20;

    private readonly ConditionalWeakTable<IndexSnapshot, TableSlot> _tables = new();

    /// <summary>The table built last, served while a newer generation's is being built.</summary>
    private volatile SuggestionTable? _latest;

    public PlanIndex Index => index;

    public SuggestionResult Suggest(string? typed, int limit = DefaultLimit)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxInput) return SuggestionResult.None;
        limit = Math.Clamp(limit, 1, MaxLimit);
        using var snapshot = index.Acquire();
        var table = TableOf(snapshot);
        foreach (var from in Starts(typed))
        {
            var suggestions = Lookup(table, typed[from..], limit);
            if (suggestions.Count > 0) return new SuggestionResult(from, suggestions);
        }
        return SuggestionResult.None;
    }

    /// <summary>Builds the served generation's table now (a host calls it at start, so the first visitor does not wait).</summary>
    public int Warm()
    {
        using var snapshot = index.Acquire();
        return Built(SlotOf(snapshot).BuildNow()).Count;
    }

    /// <summary>Whether the served generation's own table is built (not the previous one's, served meanwhile).</summary>
    public bool IsCurrent()
    {
        using var snapshot = index.Acquire();
        return SlotOf(snapshot).Table is not null;
    }

    /// <summary>
    /// The snapshot's table; while a newly published generation's is built in the background (reading every stored
    /// row takes seconds at 100k rows), the previous generation's, so no keystroke waits for it. Only the first table
    /// is built on the caller's thread.
    /// </summary>
    private SuggestionTable TableOf(IndexSnapshot snapshot)
    {
        var slot = SlotOf(snapshot);
        if (slot.Table is { } table) return table;
        if (_latest is { } previous)
        {
            slot.BuildInBackground(built => Built(built));
            return previous;
        }
        return Built(slot.BuildNow());
    }

    private SuggestionTable Built(SuggestionTable table) => _latest = table;

    private TableSlot SlotOf(IndexSnapshot snapshot) => _tables.GetValue(snapshot, s => new TableSlot(s, annotator));

    /// <summary>One snapshot's table: built once, now or in the background (holding a reference to the snapshot's reader meanwhile).</summary>
    private sealed class TableSlot(IndexSnapshot snapshot, ReadingAnnotator annotator)
    {
        private readonly System.Threading.Lock _gate = new();
        private volatile SuggestionTable? _table;
        private int _started;

        public SuggestionTable? Table => _table;

        public SuggestionTable BuildNow()
        {
            lock (_gate) return _table ??= SuggestionTable.Build(snapshot, annotator);
        }

        public void BuildInBackground(Action<SuggestionTable> done)
        {
            if (Interlocked.Exchange(ref _started, 1) == 1) return;
            snapshot.Reader.IncRef();
            _ = Task.Run(() =>
            {
                try
                {
                    done(BuildNow());
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    Volatile.Write(ref _started, 0); // the next keystroke tries again
                }
                finally
                {
                    snapshot.Reader.DecRef();
                }
            });
        }
    }

    /// <summary>Where the part to complete may start: the whole text, then after its last space or punctuation.</summary>
    private static IEnumerable<int> Starts(string typed)
    {
        var whole = 0;
        while (char.IsWhiteSpace(typed[whole])) whole++;
        yield return whole;
        var end = typed.Length;
        while (end > 0 && IsSeparator(typed[end - 1])) end--;
        var last = end;
        while (last > 0 && !IsSeparator(typed[last - 1])) last--;
        if (last > whole && last < end) yield return last;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);

    private static List<Suggestion> Lookup(SuggestionTable table, string text, int limit)
    {
        var prefix = SuggestionTable.Fold(text);
        var composing = WithoutRomajiBeingTyped(prefix);
        var (names, words) = table.Lookup(composing, limit);
        // A long katakana word is indexed without its final ー (コンピューター: コンピュータ).
        if (names.Count + words.Count == 0 && composing.Length >= 4 && composing[^1] == 'ー') (names, words) = table.Lookup(composing[..^1], limit);

        var nameSlots = Math.Min(names.Count, Math.Max(limit / 2, limit - words.Count));
        var suggestions = new List<Suggestion>(limit);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in names.Take(nameSlots).Concat(words))
        {
            if (suggestions.Count == limit) break;
            if (seen.Add(e.Text)) suggestions.Add(new Suggestion(e.Text, e.Reading, e.Kind, e.Rows));
        }
        return suggestions;
    }

    /// <summary>
    /// Kana followed by the Latin letters of a syllable not yet converted (ぼうs while an IME composes ぼうさい): the
    /// letters are left out. Text of letters only (ict, wi) is looked up as it is.
    /// </summary>
    private static string WithoutRomajiBeingTyped(string prefix)
    {
        var end = prefix.Length;
        while (end > 0 && char.IsAsciiLetterLower(prefix[end - 1])) end--;
        return end > 0 && end < prefix.Length && end >= prefix.Length - 3 && JapaneseCharacters.IsKatakana(prefix[end - 1]) ? prefix[..end] : prefix;
    }
}
