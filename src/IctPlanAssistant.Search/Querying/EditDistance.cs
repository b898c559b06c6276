namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// How far a word typed wrong is from a known one (optimal string alignment: an insertion, a deletion, a change or a
/// swap of two letters is one edit), and the one known word nearest it: English words (<see cref="EnglishSpelling"/>)
/// and kana readings (<see cref="KanaSpelling"/>) are mended alike. Between kana only the slips people make cost one
/// edit (つ for っ, お for う in a long vowel, a missing ー or っ, a voicing mark: ろぼと, じょおほう, めえる); any other
/// change costs two, so that a real word the plan lacks (しゃめん) is not taken for one it has (遮断).
/// </summary>
internal static class EditDistance
{
    /// <summary>The one word within <paramref name="reach"/> edits at the least distance; null when none, or several tie.</summary>
    public static string? Nearest(string word, string[][] byLength, int reach, bool kana = false)
    {
        string? best = null;
        var bestDistance = reach;
        var tied = false;
        for (var length = Math.Max(1, word.Length - reach); length <= word.Length + reach && length < byLength.Length; length++)
        {
            foreach (var candidate in byLength[length])
            {
                var distance = Distance(word, candidate, bestDistance, kana);
                if (distance > bestDistance) continue;
                if (best is null || distance < bestDistance) (best, bestDistance, tied) = (candidate, distance, false);
                else if (candidate != best) tied = true;
            }
        }
        return best is not null && !tied ? best : null;
    }

    /// <summary>Optimal string alignment distance (a swap of two letters is one edit) when at most <paramref name="limit"/>; else <paramref name="limit"/> + 1.</summary>
    /// <remarks>Three rows on the stack: an unknown word is compared with tens of thousands of EDICT's words.</remarks>
    public static int Distance(string a, string b, int limit, bool kana = false)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        if (b.Length > 64) return limit + 1;
        Span<int> before = stackalloc int[b.Length + 1], previous = stackalloc int[b.Length + 1], current = stackalloc int[b.Length + 1];
        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++) previous[j] = previous[j - 1] + Gap(b[j - 1], kana);
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + Gap(a[i - 1], kana);
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Change(a[i - 1], b[j - 1], kana);
                var v = Math.Min(Math.Min(previous[j] + Gap(a[i - 1], kana), current[j - 1] + Gap(b[j - 1], kana)), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, before[j - 2] + (kana ? 2 : 1));
                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
            // Roll the rows: before ← previous ← current (current is overwritten next).
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], limit + 1);
    }

    /// <summary>Adding or leaving out a letter: between kana, one edit only for the small っ, the long ー and the vowels of long vowels.</summary>
    private static int Gap(char c, bool kana) => !kana || c is 'ッ' or 'ー' or 'ウ' or 'イ' ? 1 : 2;

    /// <summary>Changing a letter: between kana, one edit only for a slip (ツ/ッ, ヨ/ョ, オ/ウ, エ/イ, ー/a vowel, a voicing mark).</summary>
    private static int Change(char x, char y, bool kana)
    {
        if (x == y) return 0;
        if (!kana) return 1;
        return Slip(x, y) || Slip(y, x) ? 1 : 2;

        static bool Slip(char x, char y) =>
            Large(x) == y || (x == 'オ' && y == 'ウ') || (x == 'エ' && y == 'イ') || (x == 'ー' && y is 'ア' or 'イ' or 'ウ' or 'エ' or 'オ') ||
            Unvoiced(x) == Unvoiced(y);

        static char Large(char small) => small switch
        {
            'ッ' => 'ツ', 'ャ' => 'ヤ', 'ュ' => 'ユ', 'ョ' => 'ヨ', 'ァ' => 'ア', 'ィ' => 'イ', 'ゥ' => 'ウ', 'ェ' => 'エ', 'ォ' => 'オ', 'ヮ' => 'ワ',
            _ => small,
        };
    }

    /// <summary>A kana without its voicing mark (ガ: カ; パ: ハ), read once for all: it is asked tens of thousands of times per word mended.</summary>
    private static char Unvoiced(char c) => c - KanaStart is var i and >= 0 && i < UnvoicedKana.Length ? UnvoicedKana[i] : c;

    private const char KanaStart = '\u3040';

    private static readonly char[] UnvoicedKana = Enumerable.Range(KanaStart, 0x60 * 2)
        .Select(c => ((char)c).ToString().Normalize(System.Text.NormalizationForm.FormD)[0]).ToArray();

    public static string[][] ByLength(IEnumerable<string> words)
    {
        var groups = words.Distinct(StringComparer.Ordinal).GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToArray());
        var max = groups.Count == 0 ? 0 : groups.Keys.Max();
        return Enumerable.Range(0, max + 1).Select(l => groups.TryGetValue(l, out var g) ? g : []).ToArray();
    }
}
