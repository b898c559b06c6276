using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using IctPlanAssistant.Search.Analysis;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Querying;

/// <summary>English word forms a dictionary lists under another form.</summary>
internal static class EnglishForms
{
    /// <summary>The singulars a plural may stand for (robots → robot; libraries → library; boxes → box).</summary>
    public static IEnumerable<string> Singulars(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s')) yield break;
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase)) yield return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.OrdinalIgnoreCase)) yield return word[..^2];
        if (!word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)) yield return word[..^1];
    }

    /// <summary>
    /// The verbs an -ing form may be of (flying → fly, developing → develop, using → use, running → run); KStem keeps the
    /// forms its dictionary lists as words of their own (flying).
    /// </summary>
    public static IEnumerable<string> VerbsOfIng(string word)
    {
        if (word.Length <= 5 || !word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) yield break;
        var stem = word[..^3];
        yield return stem;
        yield return stem + "e";
        if (stem[^1] == stem[^2]) yield return stem[..^1];
    }

    // KStem (Krovetz) turns a form into a dictionary word (relocated → relocate) rather than a stem (relocat).
    private static readonly Analyzer Stemmer = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new KStemFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer)));
    });

    /// <summary>The dictionary forms a word may stand for: its singulars and its KStem form (relocated → relocate, teaching → teach).</summary>
    public static IEnumerable<string> Lemmas(string word)
    {
        foreach (var singular in Singulars(word)) yield return singular;
        foreach (var (term, _) in AnalyzedTerms.Of(Stemmer, "", word)) yield return term;
    }
}
