using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// Marking passes over a group's clauses that another of its clauses contains: the rows of the clauses kept must be
/// the rows of all of them, in the real index.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class RedundantClausesTests(BundledIndexFixture bundled)
{
    private static TermQuery Word(string field, string text, float boost = 1f) => new(new Term(field, text)) { Boost = boost };

    private static PhraseQuery Phrase(string field, int slop, params string[] words)
    {
        var phrase = new PhraseQuery { Slop = slop };
        for (var i = 0; i < words.Length; i++) phrase.Add(new Term(field, words[i]), i);
        return phrase;
    }

    [Fact]
    public void A_phrase_is_within_a_word_of_it_in_the_same_field_only()
    {
        var kept = RedundantClauses.Drop([
            Word(PlanFields.BodyText, "サイト"),
            Phrase(PlanFields.BodyText, 1, "ウェブ", "サイト"),
            Phrase(PlanFields.NameText, 1, "ウェブ", "サイト"),
        ]);

        Assert.Equal([Word(PlanFields.BodyText, "サイト"), Phrase(PlanFields.NameText, 1, "ウェブ", "サイト")], kept);
    }

    [Fact]
    public void An_exact_phrase_is_within_an_exact_phrase_of_its_words_at_the_same_distances()
    {
        var online = Phrase(PlanFields.BodyBigram, 0, "オン", "ンラ", "ライ", "イン");
        var onlineFication = Phrase(PlanFields.BodyBigram, 0, "オン", "ンラ", "ライ", "イン", "ン化");
        var gapped = new PhraseQuery { { new Term(PlanFields.BodyBigram, "オン"), 0 }, { new Term(PlanFields.BodyBigram, "ライ"), 2 } };
        var apart = new PhraseQuery { { new Term(PlanFields.BodyBigram, "オン"), 0 }, { new Term(PlanFields.BodyBigram, "ライ"), 3 } };

        Assert.Equal([online], RedundantClauses.Drop([onlineFication, online]));
        Assert.Equal([gapped], RedundantClauses.Drop([online, gapped]));
        Assert.Equal([online, apart], RedundantClauses.Drop([online, apart]));
        // A sloppy phrase contains no other phrase here: its rows are Lucene's to say.
        Assert.Equal([Phrase(PlanFields.BodyText, 1, "河川", "情報"), Phrase(PlanFields.BodyText, 0, "河川", "情報", "システム")],
            RedundantClauses.Drop([Phrase(PlanFields.BodyText, 1, "河川", "情報"), Phrase(PlanFields.BodyText, 0, "河川", "情報", "システム")]));
    }

    [Fact]
    public void The_same_clause_twice_is_kept_once_and_boosts_do_not_tell_clauses_apart()
    {
        var kept = RedundantClauses.Drop([Word(PlanFields.NameText, "住民", 4f), Word(PlanFields.NameText, "住民", 2f)]);

        Assert.Single(kept);
    }

    [Fact]
    public void A_clause_within_one_marked_already_is_dropped()
    {
        var kept = RedundantClauses.Drop([Phrase(PlanFields.BodyText, 1, "オンライン", "化"), Word(PlanFields.BodyText, "申請")], marked: [Word(PlanFields.BodyText, "オンライン")]);

        Assert.Equal([Word(PlanFields.BodyText, "申請")], kept);
    }

    [Theory]
    [InlineData("オンライン化")]
    [InlineData("ホームページ")]
    [InlineData("情報発信")]
    [InlineData("防災情報システム")]
    public void The_clauses_kept_match_the_rows_all_the_clauses_match(string text)
    {
        using var snapshot = bundled.Index.Acquire();
        var builder = new TextQueryBuilder(PlanAnalyzers.Create());
        // A word's spellings and the pieces a longer spelling contains: the shape of a group with synonyms.
        var spellings = new[] { text, text[..^1], text[1..], text[..2] };
        var clauses = spellings.Select(builder.ForText).OfType<DisjunctionMaxQuery>().SelectMany(CoverageGate.Clauses).ToList();

        var kept = RedundantClauses.Drop(clauses);

        Assert.True(kept.Count < clauses.Count, "some clause is within another");
        foreach (var field in clauses.Select(FieldOf).Distinct())
        {
            Assert.Equal(Rows(snapshot.Searcher, clauses.Where(c => FieldOf(c) == field)), Rows(snapshot.Searcher, kept.Where(c => FieldOf(c) == field)));
        }
    }

    private static string FieldOf(Query clause) => clause switch
    {
        TermQuery t => t.Term.Field,
        PhraseQuery p => p.GetTerms()[0].Field,
        _ => "",
    };

    private static List<int> Rows(IndexSearcher searcher, IEnumerable<Query> clauses)
    {
        var any = new BooleanQuery();
        foreach (var clause in clauses) any.Add(clause, Occur.SHOULD);
        return searcher.Search(any, searcher.IndexReader.MaxDoc).ScoreDocs.Select(d => d.Doc).Order().ToList();
    }
}
