using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Answers.Tests.Robustness;

/// <summary>A question said another way, and how.</summary>
public sealed record QuestionVariant(string Kind, string Question);

/// <summary>
/// Variants of a question made mechanically, as people say the same thing: filler and hedges added, the ending made
/// polite or casual, the whole question typed in hiragana (from MeCab's readings, with a space after each particle as
/// phones and older users type it), a list's members in the other order, an English word replaced by another English
/// word of its synonym group. A variant is made only where its rule applies; none is written by hand for a question.
/// </summary>
public sealed partial class QuestionVariants(MeCabModel model, SynonymDictionary synonyms, IReadOnlySet<string> englishStopWords)
{
    public IEnumerable<QuestionVariant> Of(string question)
    {
        var japanese = question.Any(c => JapaneseCharacters.IsJapanese(c));
        var variants = japanese
            ? new[] { ("filler-before", (string?)("ちょっと聞きたいんだけど、" + question)), ("filler-after", WithoutEnd(question) + "？部署関係なく全部知りたいんだけど。"), ("ending", JapaneseEnding(question)), ("hiragana", Hiragana(question)), ("list-order", JapaneseListSwapped(question)) }
            : new[] { ("filler-before", (string?)("Hi, quick question: " + question)), ("filler-after", question.TrimEnd() + " Thanks!"), ("ending", EnglishPolite(question)), ("list-order", EnglishListSwapped(question)), ("paraphrase", EnglishParaphrase(question)) };
        foreach (var (kind, text) in variants)
        {
            if (text is not null && text != question) yield return new QuestionVariant(kind, text);
        }
    }

    private static string WithoutEnd(string question) => question.TrimEnd().TrimEnd('？', '?', '。', '!', '！');

    // ---- Japanese

    private static readonly (string Polite, string Casual)[] Endings =
    [
        ("はありますか", "ってある"), ("ありますか", "ある"), ("ですか", ""), ("でしょうか", ""), ("を教えてください", "教えて"),
        ("いますか", "いる"), ("ましたか", "た"),
    ];

    /// <summary>The ending the other way round: polite to casual, or casual to polite.</summary>
    private static string? JapaneseEnding(string question)
    {
        var body = WithoutEnd(question);
        foreach (var (polite, casual) in Endings)
        {
            if (body.EndsWith(polite, StringComparison.Ordinal)) return body[..^polite.Length] + casual + "？";
        }
        foreach (var (polite, casual) in Endings.Where(e => e.Casual.Length > 0))
        {
            if (body.EndsWith(casual, StringComparison.Ordinal)) return body[..^casual.Length] + polite + "？";
        }
        return body.EndsWith('は') ? body + "何ですか？" : null;
    }

    /// <summary>The question in hiragana: each word by its reading, Latin letters and digits as written, a space after each particle.</summary>
    private string? Hiragana(string question)
    {
        var morphemes = new List<MeCabMorpheme>();
        model.Parse(question, morphemes);
        var sb = new StringBuilder();
        var at = 0;
        foreach (var m in morphemes)
        {
            sb.Append(question, at, m.Start - at);
            var surface = question[m.Start..m.End];
            // Numbers stay digits and their units as written: people type 100万円, not いちぜろぜろまんえん.
            var isNumber = m.Features.PartOfSpeech.Contains("数") || m.Features.PartOfSpeech.Contains("助数詞") || surface.Any(char.IsDigit);
            var written = !isNumber && m.Features.Reading is { } reading && surface.Any(c => JapaneseCharacters.IsJapanese(c)) && !surface.All(c => c is '？' or '、' or '。')
                ? KatakanaToHiragana(reading)
                : surface;
            sb.Append(written);
            if (m.Features.PartOfSpeech.StartsWith("助詞", StringComparison.Ordinal)) sb.Append(' ');
            at = m.End;
        }
        sb.Append(question, at, question.Length - at);
        return MultipleSpaces().Replace(sb.ToString(), " ").Trim();
    }

    private static string KatakanaToHiragana(string text) =>
        new(text.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c).ToArray());

    /// <summary>A list's two members (AかB, AやB, AとかB) in the other order.</summary>
    private static string? JapaneseListSwapped(string question) =>
        JapaneseList().Match(question) is { Success: true } m
            ? question[..m.Index] + m.Groups["b"].Value + m.Groups["joint"].Value + m.Groups["a"].Value + question[(m.Index + m.Length)..]
            : null;

    // Members are runs of kanji and katakana (a noun phrase as written), joined by a list particle.
    [GeneratedRegex(@"(?<a>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,})(?<joint>とか|か|や)(?<b>[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,})")]
    private static partial Regex JapaneseList();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    // ---- English

    /// <summary>A direct question asked politely (Which projects…? → Could you tell me which projects…?).</summary>
    private static string? EnglishPolite(string question)
    {
        var body = question.TrimEnd().TrimEnd('?');
        var first = body.Split(' ', 2)[0].ToLowerInvariant();
        return first is "which" or "what" or "how" or "who" or "where" or "when"
            ? "Could you tell me " + char.ToLowerInvariant(body[0]) + body[1..] + "?"
            : null;
    }

    /// <summary>The two words of "A or B" in the other order.</summary>
    private static string? EnglishListSwapped(string question) =>
        EnglishList().Match(question) is { Success: true } m
            ? question[..m.Index] + m.Groups["b"].Value + " or " + m.Groups["a"].Value + question[(m.Index + m.Length)..]
            : null;

    [GeneratedRegex(@"\b(?<a>[A-Za-z][\w-]*) or (?<b>[A-Za-z][\w-]*)\b")]
    private static partial Regex EnglishList();

    /// <summary>
    /// The first English word that has another English spelling of the same word in its synonym group (e-mail: email),
    /// replaced by it. Other words of the group may mean something else in the question (smart: slender).
    /// </summary>
    private string? EnglishParaphrase(string question)
    {
        foreach (Match word in EnglishWord().Matches(question))
        {
            var w = word.Value;
            if (w.Length < 4 || englishStopWords.Contains(w.ToLowerInvariant())) continue;
            var other = synonyms.Of(w).Where(s => s.Weight >= SynonymDictionary.SameWord && s.Word.All(c => c < 0x80 && (char.IsAsciiLetter(c) || c is ' ' or '-')))
                .Select(s => s.Word).FirstOrDefault(s => !s.Equals(w, StringComparison.OrdinalIgnoreCase));
            if (other is not null) return question[..word.Index] + other + question[(word.Index + w.Length)..];
        }
        return null;
    }

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex EnglishWord();
}
