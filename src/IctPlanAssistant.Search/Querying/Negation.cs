using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Whether a condition a question names is negated: in Japanese by an auxiliary after it (達成できなかった, 届かない,
/// 実施せず), in English by a word before it (did not, never, failed to).
/// </summary>
internal static class Negation
{
    /// <summary>How many words after a Japanese phrase may stand before its negation (でき, なかっ: 達成できなかった).</summary>
    private const int Reach = 4;

    private static readonly HashSet<string> NegativeAuxiliaries = ["ない", "ぬ", "ん", "ず"];

    private static readonly HashSet<string> EnglishNegations =
        [
            "not", "never", "no", "failed", "fail", "cannot", "didn", "doesn", "don", "isn", "aren", "wasn", "weren", "haven", "hasn", "couldn", "won",
            // typed without the apostrophe, as chat does
            "didnt", "doesnt", "dont", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "couldnt", "cant",
        ];

    /// <summary>Whether the words after the morpheme <paramref name="last"/> negate it, before the next content word.</summary>
    public static bool After(QueryText query, int last)
    {
        for (var i = last + 1; i < query.Morphemes.Count && i <= last + Reach; i++)
        {
            var m = query.Morphemes[i];
            var pos = m.Features.PartOfSpeech;
            if (pos.StartsWith("助動詞", StringComparison.Ordinal) && NegativeAuxiliaries.Contains(m.Features.BaseForm ?? "")) return true;
            // ない after a verb or て (できていない) negates it; after a noun it is an adjective of its own (関係ない).
            if (pos.StartsWith("形容詞", StringComparison.Ordinal) && m.Features.BaseForm == "ない" && i > 0 && IsVerbal(query.Morphemes[i - 1])) return true;
            if (IsContent(m) || pos.StartsWith("記号", StringComparison.Ordinal)) return false;
        }
        return false;
    }

    /// <summary>Whether a negation stands in the three words before <paramref name="start"/> of an English phrase.</summary>
    /// <remarks>The question's apostrophes are spaces by then: didn't reads "didn t".</remarks>
    public static bool Before(QueryText query, int start) =>
        query.WordsBefore(start, 3).Any(EnglishNegations.Contains);

    private static bool IsVerbal(MeCabMorpheme m) =>
        m.Features.PartOfSpeech.StartsWith("動詞", StringComparison.Ordinal) || m.Features.PartOfSpeech.StartsWith("助詞-接続助詞", StringComparison.Ordinal);

    private static bool IsContent(MeCabMorpheme m)
    {
        var pos = m.Features.PartOfSpeech;
        return pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.Contains("非自立") && !pos.Contains("接尾")
               || pos.StartsWith("動詞-自立", StringComparison.Ordinal) && m.Features.BaseForm is not ("できる" or "いる" or "ある" or "おる" or "する" or "いく" or "くる")
               || pos.StartsWith("形容詞-自立", StringComparison.Ordinal) && m.Features.BaseForm != "ない";
    }
}
