using System.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Japanese words written in the Latin alphabet (Aizu, Koriyama, Iwaki: Hepburn or Kunrei romanisation) read back into
/// katakana, so that an English question naming a place or a proper noun of the plan finds the plan's word by its reading
/// (会津: アイヅ). Long vowels and ヅ/ズ are written alike in romaji, so readings are compared by <see cref="Key"/>.
/// </summary>
public static class Romaji
{
    // Syllables, longest first where one spelling begins another (shi before si, tsu before tu).
    private static readonly (string Latin, string Kana)[] Syllables =
    [
        ("kya", "キャ"), ("kyu", "キュ"), ("kyo", "キョ"), ("gya", "ギャ"), ("gyu", "ギュ"), ("gyo", "ギョ"),
        ("sha", "シャ"), ("shi", "シ"), ("shu", "シュ"), ("sho", "ショ"), ("sya", "シャ"), ("syu", "シュ"), ("syo", "ショ"),
        ("cha", "チャ"), ("chi", "チ"), ("chu", "チュ"), ("cho", "チョ"), ("tya", "チャ"), ("tyu", "チュ"), ("tyo", "チョ"),
        ("tsu", "ツ"), ("nya", "ニャ"), ("nyu", "ニュ"), ("nyo", "ニョ"), ("hya", "ヒャ"), ("hyu", "ヒュ"), ("hyo", "ヒョ"),
        ("bya", "ビャ"), ("byu", "ビュ"), ("byo", "ビョ"), ("pya", "ピャ"), ("pyu", "ピュ"), ("pyo", "ピョ"),
        ("mya", "ミャ"), ("myu", "ミュ"), ("myo", "ミョ"), ("rya", "リャ"), ("ryu", "リュ"), ("ryo", "リョ"),
        ("jya", "ジャ"), ("jyu", "ジュ"), ("jyo", "ジョ"), ("zya", "ジャ"), ("zyu", "ジュ"), ("zyo", "ジョ"),
        ("ja", "ジャ"), ("ji", "ジ"), ("ju", "ジュ"), ("jo", "ジョ"), ("je", "ジェ"),
        ("ka", "カ"), ("ki", "キ"), ("ku", "ク"), ("ke", "ケ"), ("ko", "コ"),
        ("ga", "ガ"), ("gi", "ギ"), ("gu", "グ"), ("ge", "ゲ"), ("go", "ゴ"),
        ("sa", "サ"), ("si", "シ"), ("su", "ス"), ("se", "セ"), ("so", "ソ"),
        ("za", "ザ"), ("zi", "ジ"), ("zu", "ズ"), ("ze", "ゼ"), ("zo", "ゾ"),
        ("ta", "タ"), ("ti", "チ"), ("tu", "ツ"), ("te", "テ"), ("to", "ト"),
        ("da", "ダ"), ("di", "ヂ"), ("du", "ヅ"), ("de", "デ"), ("do", "ド"),
        ("na", "ナ"), ("ni", "ニ"), ("nu", "ヌ"), ("ne", "ネ"), ("no", "ノ"),
        ("ha", "ハ"), ("hi", "ヒ"), ("fu", "フ"), ("hu", "フ"), ("he", "ヘ"), ("ho", "ホ"),
        ("ba", "バ"), ("bi", "ビ"), ("bu", "ブ"), ("be", "ベ"), ("bo", "ボ"),
        ("pa", "パ"), ("pi", "ピ"), ("pu", "プ"), ("pe", "ペ"), ("po", "ポ"),
        ("ma", "マ"), ("mi", "ミ"), ("mu", "ム"), ("me", "メ"), ("mo", "モ"),
        ("ya", "ヤ"), ("yu", "ユ"), ("yo", "ヨ"),
        ("ra", "ラ"), ("ri", "リ"), ("ru", "ル"), ("re", "レ"), ("ro", "ロ"),
        ("wa", "ワ"), ("wo", "ヲ"),
        ("a", "ア"), ("i", "イ"), ("u", "ウ"), ("e", "エ"), ("o", "オ"),
    ];

    /// <summary>The katakana a romanised word spells (aizu → アイズ, koriyama → コリヤマ); null where it is no romaji (school).</summary>
    public static string? ToKatakana(string word)
    {
        var latin = Plain(word);
        if (latin.Length == 0) return null;
        var kana = new StringBuilder(latin.Length);
        var at = 0;
        while (at < latin.Length)
        {
            var c = latin[at];
            // n not starting a syllable (before a consonant, an apostrophe or the end): ン. Of nn, the first is ン, and the
            // second too unless a vowel follows (konnichi: コンニチ; onna: オンナ).
            if (c == 'n' && (at + 1 == latin.Length || !IsVowel(latin[at + 1]) && latin[at + 1] != 'y'))
            {
                kana.Append('ン');
                var next = at + 1 < latin.Length ? latin[at + 1] : '\0';
                at += next == '\'' || (next == 'n' && (at + 2 == latin.Length || !IsVowel(latin[at + 2]) && latin[at + 2] != 'y')) ? 2 : 1;
                continue;
            }
            if (c == '\'') return null;
            // m before b, p or m (shimbun, Hepburn's older spelling): ン.
            if (c == 'm' && at + 1 < latin.Length && latin[at + 1] is 'b' or 'p' or 'm')
            {
                kana.Append('ン');
                at++;
                continue;
            }
            // A doubled consonant (kk, tch): ッ.
            if (at + 1 < latin.Length && !IsVowel(c) && c is not ('n' or 'm') && (latin[at + 1] == c || (c == 't' && latin[at + 1] == 'c')))
            {
                kana.Append('ッ');
                at++;
                continue;
            }
            var syllable = Array.FindIndex(Syllables, s => string.CompareOrdinal(latin, at, s.Latin, 0, s.Latin.Length) == 0);
            if (syllable < 0) return null;
            kana.Append(Syllables[syllable].Kana);
            at += Syllables[syllable].Latin.Length;
        }
        return kana.ToString();
    }

    /// <summary>
    /// A reading as romaji keeps it: long vowels as one (コオリヤマ, Koriyama; ソウマ, Soma), ヅ as ズ and ヂ as ジ (アイヅ, Aizu),
    /// ヲ as オ; the key under which a reading and a romanised word are the same.
    /// </summary>
    public static string Key(string katakana)
    {
        var key = new StringBuilder(katakana.Length);
        foreach (var c in katakana)
        {
            var k = c switch { 'ヅ' => 'ズ', 'ヂ' => 'ジ', 'ヲ' => 'オ', _ => c };
            if (k == 'ー') continue;
            if (key.Length > 0 && (k == 'ウ' && VowelOf(key[^1]) is 'o' or 'u' || k == 'オ' && VowelOf(key[^1]) == 'o')) continue;
            key.Append(k);
        }
        return key.ToString();
    }

    private static string Plain(string word)
    {
        var latin = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or '\'') latin.Append(c);
            else if (c is >= 'A' and <= 'Z') latin.Append(char.ToLowerInvariant(c));
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) return ""; // ō → o; anything else is no romaji
        }
        return latin.ToString();
    }

    /// <summary>
    /// A loanword typed in kana with its long vowels written as vowels (ホウムペエジ, メエル): the vowel after a syllable
    /// ending in it (or ウ after an o), as ー (ホームページ, メール).
    /// </summary>
    public static string LongVowelsMarked(string katakana)
    {
        var marked = new StringBuilder(katakana.Length);
        foreach (var c in katakana)
        {
            var before = marked.Length > 0 ? VowelOf(marked[^1]) : '\0';
            marked.Append(Vowels.Contains(c) && VowelOf(c) is var v && (v == before || v == 'u' && before == 'o') ? 'ー' : c);
        }
        return marked.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private const string Vowels = "アイウエオ";

    /// <summary>
    /// The vowel each katakana syllable ends in, from the syllable table (キョ: o, by its ョ) and the small vowels': the long
    /// vowels romaji does not write, and those typed as vowels.
    /// </summary>
    private static readonly Dictionary<char, char> EndVowels = Syllables
        .Where(s => IsVowel(s.Latin[^1])).Select(s => (Kana: s.Kana[^1], Vowel: s.Latin[^1]))
        .Concat(new (char Kana, char Vowel)[] { ('ァ', 'a'), ('ィ', 'i'), ('ゥ', 'u'), ('ェ', 'e'), ('ォ', 'o') })
        .DistinctBy(s => s.Kana).ToDictionary(s => s.Kana, s => s.Vowel);

    /// <summary>The vowel a katakana syllable ends in ('\0' for ン, ッ and ー).</summary>
    private static char VowelOf(char kana) => EndVowels.GetValueOrDefault(kana);
}
