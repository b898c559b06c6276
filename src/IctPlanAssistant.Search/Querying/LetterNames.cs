namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// An acronym read letter by letter in katakana (ICT: アイシーティー; SNS: エスエヌエス; PC: ピーシー), so that a question typed in
/// kana (あいしーてぃーで よそく) finds the plan's acronym, as it finds a kanji word by its reading.
/// </summary>
public static class LetterNames
{
    // The names of the letters as Japanese says them.
    private static readonly string[] Names =
    [
        "エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ", "ジェー", "ケー", "エル", "エム",
        "エヌ", "オー", "ピー", "キュー", "アール", "エス", "ティー", "ユー", "ブイ", "ダブリュー", "エックス", "ワイ", "ゼット",
    ];

    /// <summary>Acronyms longer than this are said as words, not spelled (a name such as LINE).</summary>
    public const int MaxLetters = 4;

    /// <summary>The katakana spelling of an acronym of two to <see cref="MaxLetters"/> letters, written in capitals (ICT, IoT); null for any other word.</summary>
    public static string? Spell(string word)
    {
        if (word.Length is < 2 or > MaxLetters || !word.All(char.IsAsciiLetter) || !char.IsAsciiLetterUpper(word[0]) || word.Count(char.IsAsciiLetterUpper) < 2)
            return null;
        return string.Concat(word.Select(c => Names[char.ToUpperInvariant(c) - 'A']));
    }
}
