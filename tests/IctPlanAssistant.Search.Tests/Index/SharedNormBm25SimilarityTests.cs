using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Retrieval;
using IctPlanAssistant.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>
/// The plan's similarity shares BM25's norm tables between weights: every row must get the score Lucene's own
/// BM25Similarity gives it, to the bit, for the terms, phrases and disjunctions retrieval builds, boosted or not.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class SharedNormBm25SimilarityTests(BundledIndexFixture bundled)
{
    private static readonly string[] TextFields =
        [PlanFields.NameText, PlanFields.BodyText, PlanFields.NameBigram, PlanFields.BodyBigram, PlanFields.NameReading, PlanFields.BodyReading];

    [Fact]
    public void Every_term_of_the_plan_s_text_fields_scores_every_row_as_Lucene_s_BM25()
    {
        using var snapshot = bundled.Index.Acquire();
        var (lucene, shared) = Searchers(snapshot.Reader);
        var checkedTerms = 0;
        foreach (var field in TextFields)
        {
            var terms = MultiFields.GetTerms(snapshot.Reader, field).GetEnumerator();
            while (terms.MoveNext())
            {
                var query = new TermQuery(new Term(field, BytesRef.DeepCopyOf(terms.Term))) { Boost = checkedTerms % 3 == 0 ? 1f : 0.35f * (checkedTerms % 7) };
                AssertSameScores(lucene, shared, query);
                checkedTerms++;
            }
        }
        Assert.True(checkedTerms > 1000, $"{checkedTerms} terms");
    }

    [Fact]
    public void The_queries_retrieval_builds_from_the_plan_s_names_score_every_row_as_Lucene_s_BM25()
    {
        using var snapshot = bundled.Index.Acquire();
        var (lucene, shared) = Searchers(snapshot.Reader);
        var builder = new TextQueryBuilder(PlanAnalyzers.Create());
        var names = Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Row(d).Name).ToList();
        foreach (var name in names)
        {
            // A spelling's disjunction (terms, exact and sloppy phrases over several fields, each boosted), boosted itself.
            var text = builder.ForText(name[..Math.Min(6, name.Length)]);
            Assert.NotNull(text);
            text.Boost = 1.7f;
            AssertSameScores(lucene, shared, text);
            // The same beside another spelling in a Boolean query, and the gate's counted phrases.
            var both = new BooleanQuery { { text, Occur.SHOULD }, { builder.ForText(name[^Math.Min(4, name.Length)..])!, Occur.SHOULD } };
            AssertSameScores(lucene, shared, both);
            AssertSameScores(lucene, shared, ExactPhraseScoring.ForScoring(text));
        }
    }

    [Fact]
    public void Explanations_give_Lucene_s_values()
    {
        using var snapshot = bundled.Index.Acquire();
        var (lucene, shared) = Searchers(snapshot.Reader);
        var query = new TextQueryBuilder(PlanAnalyzers.Create()).ForText("情報発信")!;
        foreach (var hit in lucene.Search(query, snapshot.Reader.MaxDoc).ScoreDocs)
        {
            Assert.Equal(lucene.Explain(query, hit.Doc).Value, shared.Explain(query, hit.Doc).Value);
        }
    }

    [Fact]
    public void Rows_in_several_segments_with_deletions_score_as_with_Lucene_s_BM25()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        var (lucene, shared) = Searchers(reader);
        foreach (var phrase in PhraseMarksTests.Phrases().Take(60))
        {
            AssertSameScores(lucene, shared, phrase);
            foreach (var term in phrase.GetTerms()) AssertSameScores(lucene, shared, new TermQuery(term) { Boost = 2.5f });
        }
    }

    [Fact]
    public void A_norm_table_is_shared_by_every_weight_of_the_same_average_length()
    {
        var similarity = new SharedNormBm25Similarity();
        Assert.Same(similarity.NormTable(7.25f), similarity.NormTable(7.25f));
        Assert.NotSame(similarity.NormTable(7.25f), similarity.NormTable(8f));
    }

    private static (IndexSearcher Lucene, IndexSearcher Shared) Searchers(IndexReader reader) =>
        (new IndexSearcher(reader) { Similarity = new BM25Similarity() }, new IndexSearcher(reader) { Similarity = PlanSimilarity.Instance });

    private static void AssertSameScores(IndexSearcher lucene, IndexSearcher shared, Query query)
    {
        var expected = Scores(lucene, query);
        Assert.Equal(expected, Scores(shared, query));
    }

    /// <summary>Each matching row with its score's bits.</summary>
    private static List<(int Doc, int Bits)> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs
            .Select(hit => (hit.Doc, BitConverter.SingleToInt32Bits(hit.Score)))
            .OrderBy(hit => hit.Doc)
            .ToList();
}
