using System.Collections.Concurrent;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// Turns the words of a question into ranked Lucene queries: each spelling is searched as a phrase in the
/// Japanese-analysed fields (name weighted most) and in the bigram companion fields, whichever matches best.
/// </summary>
internal sealed class TextQueryBuilder(Analyzer analyzer)
{
    /// <summary>The query of one term group (any of its spellings), or null when no spelling leaves a searchable token.</summary>
    public Query? ForGroup(TermGroup group)
    {
        var alternatives = group.Alternatives.Select(ForText)
            .Concat(group.Readings.Select(ForReading))
            .Concat(group.Synonyms.Select(ForSynonym))
            .OfType<Query>().ToList();
        return alternatives.Count switch
        {
            0 => null,
            1 => alternatives[0],
            _ => new DisjunctionMaxQuery(alternatives, 0f),
        };
    }

    public Query? ForText(string text)
    {
        var clauses = new List<Query>();
        var japanese = Tokens(PlanFields.NameText, text);
        if (japanese.Count > 0)
        {
            foreach (var (field, boost) in PlanFields.TextFields) clauses.Add(Phrase(field, japanese, slop: 1, boost));
        }
        // A spelling MeCab reads as one word is matched by that word; the bigram companion is for what it reads as
        // several words or none (a compound may be segmented otherwise in a row), and it is costly over many rows. A
        // katakana word is the exception: in a row, MeCab may read it and the next loanword as one unknown word
        // (サイバーセキュリティリーダー).
        var bigrams = japanese.Count == 1 && !IsKatakana(japanese[0].Term) ? [] : Tokens(PlanFields.NameBigram, text);
        if (bigrams.Count > 0)
        {
            foreach (var (field, boost) in PlanFields.BigramFields) clauses.Add(Phrase(field, bigrams, slop: 0, boost));
        }
        return clauses.Count == 0 ? null : new DisjunctionMaxQuery(clauses, 0.1f);
    }

    /// <summary>
    /// The query of a group's own spellings, readings and the synonyms that are another spelling of its word, when it
    /// also has less sure synonyms; null when it has none (then every match of the group is a sure one).
    /// </summary>
    public Query? ForSureSpellings(TermGroup group) =>
        group.Synonyms.Any(s => s.Weight < SynonymDictionary.SameWord)
            ? ForGroup(group with { Synonyms = group.Synonyms.Where(s => s.Weight >= SynonymDictionary.SameWord).ToList() })
            : null;

    /// <summary>A synonym, searched as a spelling of the group that counts less.</summary>
    private Query? ForSynonym(Synonym synonym)
    {
        var query = ForText(synonym.Word);
        if (query is not null) query.Boost *= synonym.Weight;
        return query;
    }

    /// <summary>A reading (in katakana, as the reading fields hold it) matched in the reading fields.</summary>
    private static Query ForReading(string reading) =>
        new DisjunctionMaxQuery(PlanFields.ReadingFields.Select(f => (Query)new TermQuery(new Term(f.Field, reading)) { Boost = f.Boost }).ToList(), 0.1f);

    private static bool IsKatakana(string term) => term.Length >= 3 && IctPlanAssistant.Text.JapaneseCharacters.IsAllKatakana(term);

    /// <summary>
    /// Each spelling's Japanese-analysed terms, and each reading (to estimate from the term dictionary how common the
    /// group is); a less sure synonym's spelling is marked loose.
    /// </summary>
    public IReadOnlyList<SpellingTerms> JapaneseTerms(TermGroup group) =>
        group.Alternatives.Select(a => (Word: a, Loose: false))
            .Concat(group.Synonyms.Select(s => (s.Word, Loose: s.Weight < SynonymDictionary.SameWord)))
            .Select(a => new SpellingTerms(Tokens(PlanFields.NameText, a.Word).Select(t => t.Term).ToList(), IsLoose: a.Loose))
            .Concat(group.Readings.Select(r => new SpellingTerms([r], IsReading: true)))
            .ToList();

    /// <summary>The terms the analyzer makes of the text for a field, with their positions (shared: never change them).</summary>
    public IReadOnlyList<(string Term, int Position)> Tokens(string field, string text)
    {
        if (_analyzed.TryGetValue((field, text), out var tokens)) return tokens;
        tokens = AnalyzedTerms.Of(analyzer, field, text);
        if (_analyzed.Count >= MaxAnalyzed) _analyzed.Clear();
        return _analyzed.GetOrAdd((field, text), tokens);
    }

    /// <summary>Beyond this many texts the kept analyses start again (a bound on memory, far above what questions use).</summary>
    private const int MaxAnalyzed = 100_000;

    /// <summary>
    /// Each text's terms as analysed for a field, kept: the analyzer never changes, so neither do they, and the same
    /// spellings and synonyms come back question after question (every question about a web site has ホームページ's dozen
    /// synonyms), each a MeCab parse and a run through the filters, which were most of building a question's queries.
    /// </summary>
    private readonly ConcurrentDictionary<(string Field, string Text), IReadOnlyList<(string Term, int Position)>> _analyzed = new();

    private static Query Phrase(string field, IReadOnlyList<(string Term, int Position)> tokens, int slop, float boost)
    {
        Query query;
        if (tokens.Count == 1)
        {
            query = new TermQuery(new Term(field, tokens[0].Term));
        }
        else
        {
            var phrase = new PhraseQuery { Slop = slop };
            var first = tokens[0].Position;
            foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position - first);
            query = phrase;
        }
        query.Boost = boost;
        return query;
    }
}
