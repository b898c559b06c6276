using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;
using IctPlanAssistant.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// The gate scores its exact phrases with its own scorer: every row must get the score Lucene's PhraseQuery gives it, to
/// the bit, alone and inside the disjunctions the gate scores, over the rows the gate hands the scorers.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class ExactPhraseScoringTests(BundledIndexFixture bundled)
{
    [Theory]
    [InlineData("情報発信")]
    [InlineData("ホームページ")]
    [InlineData("情報システム")]
    [InlineData("情報共有")]
    [InlineData("タブレット端末")]
    public void A_spelling_s_clauses_score_every_row_as_Lucene_does(string spelling)
    {
        using var snapshot = bundled.Index.Acquire();
        var query = new TextQueryBuilder(PlanAnalyzers.Create()).ForText(spelling)!;
        Assert.Contains(CoverageGate.Clauses((DisjunctionMaxQuery)query), c => c is PhraseQuery { Slop: 0 });
        query.Boost = 1.7f;

        var every = new FixedBitSet(snapshot.Reader.MaxDoc);
        every.Set(0, snapshot.Reader.MaxDoc);
        var odd = new FixedBitSet(snapshot.Reader.MaxDoc);
        for (var doc = 1; doc < snapshot.Reader.MaxDoc; doc += 2) odd.Set(doc);

        foreach (var rows in new[] { every, odd })
        {
            var expected = Scores(snapshot.Searcher, query, rows);
            Assert.Contains(expected, s => s > 0);
            Assert.Equal(expected, Scores(snapshot.Searcher, ExactPhraseScoring.ForScoring(query), rows));
        }
    }

    [Fact]
    public void Each_exact_phrase_alone_scores_and_counts_as_Lucene_s()
    {
        using var snapshot = bundled.Index.Acquire();
        var builder = new TextQueryBuilder(PlanAnalyzers.Create());
        var rows = new FixedBitSet(snapshot.Reader.MaxDoc);
        rows.Set(0, snapshot.Reader.MaxDoc);
        var phrases = Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Row(d).Name)
            .SelectMany(name => new[] { PlanFields.NameBigram, PlanFields.BodyBigram }.Select(field => Phrase(builder, field, name[..Math.Min(5, name.Length)])))
            .OfType<PhraseQuery>().ToList();
        Assert.True(phrases.Count > 100);
        foreach (var phrase in phrases)
        {
            Assert.Equal(Scores(snapshot.Searcher, phrase, rows), Scores(snapshot.Searcher, new CountedPhraseQuery(phrase), rows));
        }
    }

    [Fact]
    public void Each_term_scores_as_Lucene_s_term_query_with_postings_reused_across_scopes()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        var searcher = new IndexSearcher(TermLookupCachingReader.Over(reader)) { Similarity = PlanSimilarity.Instance };
        var every = new FixedBitSet(reader.MaxDoc);
        every.Set(0, reader.MaxDoc);
        var some = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc += 3) some.Set(doc);
        var terms = PhraseMarksTests.Vocabulary.Select(word => new Term(PhraseMarksTests.Words, word)).ToList();
        for (var round = 0; round < 3; round++)
        {
            using var scope = ReusedPostings.Begin();
            foreach (var term in terms)
            {
                var lucene = new TermQuery(term) { Boost = 0.5f + round };
                var reused = ExactPhraseScoring.ForScoring(lucene);
                Assert.IsType<ReusedTermQuery>(reused);
                foreach (var rows in new[] { every, some })
                {
                    var expected = Scores(searcher, lucene, rows);
                    Assert.Contains(expected, s => s > 0);
                    Assert.Equal(expected, Scores(searcher, reused, rows));
                }
            }
        }
    }

    private static PhraseQuery? Phrase(TextQueryBuilder builder, string field, string text)
    {
        var tokens = builder.Tokens(field, text);
        if (tokens.Count < 2) return null;
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position - tokens[0].Position);
        return phrase;
    }

    /// <summary>Each row's score (0 where the query does not match it), the scorer advanced row by row as the gate does.</summary>
    private static float[] Scores(IndexSearcher searcher, Query query, FixedBitSet rows)
    {
        var scores = new float[searcher.IndexReader.MaxDoc];
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, LeafBits.Of(rows, leaf));
            if (scorer is null) continue;
            var at = -1;
            for (var doc = rows.NextSetBit(leaf.DocBase); doc >= 0 && doc < leaf.DocBase + leaf.AtomicReader.MaxDoc; doc = doc + 1 < rows.Length ? rows.NextSetBit(doc + 1) : -1)
            {
                var target = doc - leaf.DocBase;
                if (at < target) at = scorer.Advance(target);
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == target) scores[doc] = scorer.GetScore();
            }
        }
        return scores;
    }
}
