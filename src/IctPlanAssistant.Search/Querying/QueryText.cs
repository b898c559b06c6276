using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// A question being read: normalised text (NFKC, lower case, '&amp;' as 'and', punctuation between words as spaces),
/// its MeCab morphemes, and which characters have already been understood (consumed) as a filter, intent or term.
/// </summary>
internal sealed partial class QueryText
{
    private readonly bool[] _consumed;
    private readonly MeCabModel _model;
    private readonly HashSet<int> _starts = [];
    private readonly HashSet<int> _ends = [];
    private int[]? _commas;
    private int[]? _sentenceEnds;
    private List<(int Start, int End)>? _asides;

    /// <param name="original">The question as written, when <paramref name="text"/> was normalised before (for <see cref="Original"/>).</param>
    public QueryText(string text, MeCabModel model, string? original = null)
    {
        Original = original ?? text;
        CasedText = NormalizeKeepingCase(text);
        Text = CasedText.LowerInvariant();
        _consumed = new bool[Text.Length];
        _model = model;
        var morphemes = new List<MeCabMorpheme>();
        model.Parse(Text, morphemes);
        Morphemes = morphemes;
        foreach (var m in morphemes)
        {
            _starts.Add(m.Start);
            _ends.Add(m.End);
        }
    }

    public string Text { get; }

    /// <summary>The question as written, punctuation and all (where its sentences end).</summary>
    public string Original { get; }

    /// <summary>The normalised text before lower-casing (same length as <see cref="Text"/>): an acronym (IT, AR)
    /// is told from a word (it, ar) by its case.</summary>
    public string CasedText { get; }

    public IReadOnlyList<MeCabMorpheme> Morphemes { get; }

    /// <summary>The words' dictionary forms as <see cref="LemmaPhraseMatcher{T}"/> reads them, made once for all its matchers.</summary>
    internal Lemma[]? Lemmas { get; set; }

    public static string Normalize(string text) => NormalizeKeepingCase(text).LowerInvariant();

    /// <summary>NFKC, '&amp;' as 'and', punctuation between words as spaces; letter case kept (IT is not it).</summary>
    public static string NormalizeKeepingCase(string text) => Normalized(text, mark: null);

    /// <summary>Comparison signs, read as words (budget > 100M yen: over) before punctuation is dropped.</summary>
    private static readonly System.Buffers.SearchValues<char> Comparisons = System.Buffers.SearchValues.Create("<>≤≥");

    /// <summary>The normalisation, with each punctuation mark between words that <paramref name="marked"/> picks written as <paramref name="mark"/> when given.</summary>
    private static string Normalized(string text, string? mark, Func<string, bool>? marked = null)
    {
        var s = text.ToNfkc();
        s = s.Replace("&", " and ");
        // Comparison signs say what the words would (budget > 100M yen): the punctuation below would drop them.
        if (s.AsSpan().IndexOfAny(Comparisons) >= 0)
            s = s.Replace(">=", " at least ").Replace("<=", " at most ").Replace("≥", " at least ").Replace("≤", " at most ").Replace(">", " over ").Replace("<", " under ");
        s = mark is null || marked is null ? WordPunctuation().Replace(s, " ") : WordPunctuation().Replace(s, m => marked(m.Value) ? mark : " ");
        return MultiSpace().Replace(s, " ").Trim();
    }

    /// <summary>The last <paramref name="count"/> words (split at spaces) before <paramref name="start"/>: where an English phrase's negation or "whether" stands.</summary>
    public IEnumerable<string> WordsBefore(int start, int count) =>
        Text[..start].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(count);

    /// <summary>The word (split at spaces) right after <paramref name="end"/> in the same sentence, or null.</summary>
    public string? WordAfter(int end)
    {
        var start = end;
        while (start < Text.Length && Text[start] == ' ') start++;
        if (start == Text.Length || HasSentenceEndBetween(end, start + 1)) return null;
        var next = Text.IndexOf(' ', start);
        return Text[start..(next < 0 ? Text.Length : next)];
    }

    /// <summary>Whether the question had a comma between two places of <see cref="Text"/> (where it now has a space).</summary>
    public bool HasCommaBetween(int start, int end) => (_commas ??= MarksOf(Original, CasedText, IsComma)).Any(i => i >= start && i < end);

    /// <summary>Whether a sentence ended between two places of <see cref="Text"/>: a ？ or ！ (now a space) or a 。.</summary>
    public bool HasSentenceEndBetween(int start, int end) =>
        Text.AsSpan(start, Math.Max(0, end - start)).IndexOf('。') >= 0 ||
        (_sentenceEnds ??= MarksOf(Original, CasedText, IsSentenceEnd)).Any(i => i >= start && i < end);

    /// <summary>Where in <see cref="Text"/> the question had a question mark (now a space) or a comma between words.</summary>
    public (IReadOnlyList<int> QuestionMarks, IReadOnlyList<int> Commas) Marks =>
        (_questionMarks ??= MarksOf(Original, CasedText, v => v == "?"), _commas ??= MarksOf(Original, CasedText, IsComma));

    private int[]? _questionMarks;

    /// <summary>
    /// Spans of the question written in round (or square) brackets: a remark on the words before them (予算が入ってない
    /// （空欄とか線になってる）事業; pillar 3 (safety, security and disaster response)), whose words describe what is asked
    /// rather than add to it. A bracket left open runs to the end; one closed with none opened (its mark at the text's
    /// start is lost) starts there.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> Asides => _asides ??= AsidesOf();

    private List<(int Start, int End)> AsidesOf()
    {
        if (Original.AsSpan().IndexOfAny("()[]（）［］") < 0) return [];
        var opens = MarksOf(Original, CasedText, v => v is "(" or "[");
        var closes = MarksOf(Original, CasedText, v => v is ")" or "]");
        var asides = new List<(int Start, int End)>();
        var next = 0; // the first close bracket not yet paired
        if (closes.Length > 0 && (opens.Length == 0 || closes[0] < opens[0])) asides.Add((0, closes[next++]));
        foreach (var open in opens)
        {
            // The marks stand at spaces: an aside is the text between the open bracket's space and the close bracket's.
            while (next < closes.Length && closes[next] <= open) next++;
            var close = next < closes.Length ? closes[next++] : Text.Length;
            if (close > open + 1) asides.Add((open + 1, close));
        }
        return asides;
    }

    private static readonly Func<string, bool> IsComma = v => v == ",";
    private static readonly Func<string, bool> IsSentenceEnd = v => v is "?" or "!";

    /// <summary>Where in the normalised text the spaces are that stand for the punctuation <paramref name="marked"/> picks: a comma between words (social media, TV or …), a ？ or ！.</summary>
    private static int[] MarksOf(string text, string normalized, Func<string, bool> marked)
    {
        var s = Normalized(text, mark: " \u0001 ", marked);
        if (!s.Contains('\u0001')) return [];
        var rest = new System.Text.StringBuilder(s.Length);
        var marks = new List<int>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\u0001')
            {
                rest.Append(s[i]);
                continue;
            }
            marks.Add(rest.Length - 1);
            if (i + 1 < s.Length && s[i + 1] == ' ') i++;
        }
        var whole = rest.ToString();
        var written = whole.Trim();
        if (written == normalized) return [.. marks];
        // Words typed in kana were respelled since (ぜんぶ → 全部): a mark keeps its place where the text before it, or after
        // it, is unchanged, or else by the spaces, which respelling leaves as they were (a mark stands at one: the k-th
        // space of the text as written is the k-th of the respelled one); the others are dropped, as a wrong place would be
        // worse than none.
        var lead = whole.Length - whole.TrimStart().Length;
        var sameSpaces = written.Count(c => c == ' ') == normalized.Count(c => c == ' ');
        var places = new List<int>(marks.Count);
        foreach (var mark in marks)
        {
            var i = mark - lead;
            if (i < 0 || i >= written.Length) continue;
            if (i <= normalized.Length && written.AsSpan(0, i).SequenceEqual(normalized.AsSpan(0, i))) places.Add(i);
            else if (normalized.Length - (written.Length - i) is var tail and >= 0 && written.AsSpan(i).SequenceEqual(normalized.AsSpan(tail))) places.Add(tail);
            else if (sameSpaces && written[i] == ' ' && NthSpace(normalized, written.AsSpan(0, i).Count(' ')) is var at and >= 0) places.Add(at);
        }
        return [.. places];
    }

    /// <summary>Where the text's space after <paramref name="n"/> others stands (-1: it has fewer).</summary>
    private static int NthSpace(string text, int n)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            if (n-- == 0) return i;
        }
        return -1;
    }

    public bool IsConsumed(int index) => _consumed[index];

    public bool IsFree(int start, int end)
    {
        for (var i = start; i < end; i++)
            if (_consumed[i]) return false;
        return true;
    }

    public void Consume(int start, int end)
    {
        for (var i = start; i < end; i++) _consumed[i] = true;
    }

    /// <summary>Gives back characters consumed by a match that turned out to say nothing.</summary>
    public void Release(int start, int end)
    {
        for (var i = start; i < end; i++) _consumed[i] = false;
    }

    /// <summary>Whether a match may start or end here: a word boundary for Latin text, a morpheme boundary for Japanese.</summary>
    public bool IsBoundary(int index, bool atStart)
    {
        if (index <= 0 || index >= Text.Length) return true;
        var before = Text[index - 1];
        var after = Text[index];
        if (IsLatin(before) && IsLatin(after)) return false;
        if (!JapaneseCharacters.IsJapanese(before) && !JapaneseCharacters.IsJapanese(after)) return true;
        if (char.IsWhiteSpace(before) || char.IsWhiteSpace(after)) return true;
        return atStart ? _starts.Contains(index) || _ends.Contains(index) : _ends.Contains(index) || _starts.Contains(index);
    }

    /// <summary>The morpheme that ends at <paramref name="index"/> (before it) or starts there (after it), if any.</summary>
    public MeCabMorpheme? MorphemeBefore(int index) => Morphemes.LastOrDefault(m => m.End == index) is { Length: > 0 } m ? m : null;

    public MeCabMorpheme? MorphemeAfter(int index) => Morphemes.FirstOrDefault(m => m.Start == index) is { Length: > 0 } m ? m : null;

    /// <summary>
    /// The morpheme after <paramref name="index"/>, across the spaces a question typed in kana puts between its words
    /// (ひなん している ひと): between two Japanese words they separate words, not phrases, where a space beside a Latin word
    /// (a 土木 mtg) or a bracket does.
    /// </summary>
    public MeCabMorpheme? MorphemeAfterSpaces(int index)
    {
        var after = index;
        while (after < Text.Length && Text[after] == ' ') after++;
        var between = after > index && index > 0 && after < Text.Length && JapaneseCharacters.IsJapanese(Text[index - 1]) && JapaneseCharacters.IsJapanese(Text[after]);
        return MorphemeAfter(between ? after : index);
    }

    /// <summary>
    /// Whether a noun is a verb's stem and 方 read かた (使い方, 見方, やり方): the way of doing it, which is the doing, not a
    /// thing a row names.
    /// </summary>
    public bool IsWayOfDoing(MeCabMorpheme m)
    {
        var surface = Text.AsSpan(m.Start, m.End - m.Start);
        if (surface.Length < 2 || surface[^1] != '方' || m.Features.Reading is not { } reading || !reading.EndsWith("カタ", StringComparison.Ordinal)) return false;
        // Read before ます, the stem is the verb's 連用形 if it is one (使います); alone, MeCab may read it as a noun (使い).
        var stem = surface[..^1].ToString();
        var polite = new List<MeCabMorpheme>();
        _model.Parse(stem + "ます", polite);
        return polite is [var verb, ..] && verb.End == stem.Length && verb.Features.PartOfSpeech.StartsWith("動詞", StringComparison.Ordinal) &&
               verb.Features.InflectionForm == "連用形";
    }

    /// <summary>The text with consumed characters blanked out.</summary>
    public string Remaining()
    {
        var chars = Text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (_consumed[i]) chars[i] = ' ';
        return new string(chars);
    }

    public static bool IsLatin(char c) => c < 0x80 && char.IsAsciiLetterOrDigit(c);

    /// <summary>Where each run of ASCII letters of the text stands (digits and everything else between words).</summary>
    public static List<(int Start, int End)> LatinWords(string text)
    {
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            words.Add((start, i));
        }
        return words;
    }

    // Commas, stops and quotes between words are not part of any name (Commerce, Industry & Labor); a comma or
    // point inside a number is kept (1,000 / 83.6); a hyphen between letters is a space (e-government), and so is a
    // slash between words (commerce/industry/labor), but for and/or.
    [GeneratedRegex(@"(?<!\d)[,.](?!\d)|[?!;:""“”'’()\[\]]|(?<=[a-zA-Z])-(?=[a-zA-Z])|(?<=[a-zA-Z])(?<!\band)/(?=[a-zA-Z])")]
    private static partial Regex WordPunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
