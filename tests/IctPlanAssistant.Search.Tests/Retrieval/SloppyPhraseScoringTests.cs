using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;
using IctPlanAssistant.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// The gate scores its sloppy phrases of different words with its own scorer over reused postings: every row must get
/// the score and the match count Lucene's PhraseQuery gives it, to the bit, over the rows the gate hands the scorers.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class SloppyPhraseScoringTests(BundledIndexFixture bundled)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_sloppy_phrase_of_a_small_vocabulary_scores_and_counts_as_Lucene_s(int slop)
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(TermLookupCachingReader.Over(reader)) { Similarity = PlanSimilarity.Instance };
        var every = new FixedBitSet(reader.MaxDoc);
        every.Set(0, reader.MaxDoc);
        var some = new FixedBitSet(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc += 3) some.Set(doc);
        var phrases = PhraseMarksTests.Phrases().Select(p => PhraseMarksTests.Sloppy(p, slop)).Where(PhraseMarks.Handles).ToList();
        Assert.Equal(4 * 3 * 2 + 4 * 3 * 2 * 2, phrases.Count);
        // Rounds in scopes: the second and third score with the postings the first handed back.
        for (var round = 0; round < 3; round++)
        {
            using var scope = ReusedPostings.Begin();
            foreach (var phrase in phrases)
            {
                phrase.Boost = 0.5f + round;
                var reused = ExactPhraseScoring.ForScoring(phrase);
                Assert.IsType<ReusedSloppyPhraseQuery>(reused);
                foreach (var rows in new[] { every, some })
                {
                    var expected = ScoresAndFreqs(searcher, phrase, rows);
                    Assert.Equal(expected, ScoresAndFreqs(searcher, reused, rows));
                }
            }
        }
        // Most of them match some rows: the comparison is not of empty score lists.
        Assert.True(phrases.Count(p => ScoresAndFreqs(searcher, p, every).Any(s => s.Score > 0)) > phrases.Count / 2);
    }

    [Fact]
    public void A_phrase_that_repeats_a_word_stays_Lucene_s()
    {
        var phrase = PhraseMarksTests.Sloppy(PhraseMarksTests.Phrase(("a", 0), ("b", 1), ("a", 2)), 2);

        Assert.Same(phrase, ExactPhraseScoring.ForScoring(phrase));
        Assert.Throws<ArgumentException>(() => new ReusedSloppyPhraseQuery(phrase));
    }

    [Fact]
    public void The_disjunctions_of_the_plan_s_names_score_every_row_as_Lucene_does()
    {
        using var snapshot = bundled.Index.Acquire();
        var builder = new TextQueryBuilder(PlanAnalyzers.Create());
        var every = new FixedBitSet(snapshot.Reader.MaxDoc);
        every.Set(0, snapshot.Reader.MaxDoc);
        var odd = new FixedBitSet(snapshot.Reader.MaxDoc);
        for (var doc = 1; doc < snapshot.Reader.MaxDoc; doc += 2) odd.Set(doc);
        var compared = 0;
        var matching = 0;
        foreach (var name in Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Row(d).Name))
        {
            // A name's start, as a question would say part of it.
            if (builder.ForText(name[..Math.Min(8, name.Length)]) is not DisjunctionMaxQuery query
                || !CoverageGate.Clauses(query).Any(c => c is PhraseQuery { Slop: > 0 }))
                continue;
            query.Boost = 1.3f;
            foreach (var rows in new[] { every, odd })
            {
                var expected = ScoresAndFreqs(snapshot.Searcher, query, rows);
                if (rows == every && expected.Any(s => s.Score > 0)) matching++;
                using var scope = ReusedPostings.Begin();
                Assert.Equal(expected.Select(s => s.Score), ScoresAndFreqs(snapshot.Searcher, ExactPhraseScoring.ForScoring(query), rows).Select(s => s.Score));
            }
            compared++;
        }
        Assert.True(compared > 50, $"only {compared} names have sloppy phrases");
        Assert.True(matching > compared / 2, $"only {matching} of {compared} match a row");
    }

    /// <summary>Each row's score and frequency (0 where the query does not match it), the scorer advanced row by row as the gate does.</summary>
    private static (float Score, int Freq)[] ScoresAndFreqs(IndexSearcher searcher, Query query, FixedBitSet rows)
    {
        var scores = new (float, int)[searcher.IndexReader.MaxDoc];
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
                if (at == target) scores[doc] = (scorer.GetScore(), scorer.Freq);
            }
        }
        return scores;
    }
}
