using IctPlanAssistant.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Index;

/// <summary>
/// The snapshot's searcher reads segments that remember their term lookups: what they answer the second time, from
/// memory, must be what the segment answers, for every use Lucene makes of a term (states, postings, phrases, walking on).
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class TermLookupCachingReaderTests(BundledIndexFixture bundled)
{
    private static readonly Term Tablet = new(PlanFields.BodyText, "タブレット");

    [Fact]
    public void A_term_sought_again_gives_the_segment_s_own_frequencies_and_postings()
    {
        using var snapshot = bundled.Index.Acquire();
        var expected = Postings(snapshot.Reader, Tablet);
        Assert.NotEmpty(expected);

        for (var pass = 0; pass < 2; pass++) // the first seek asks the segment, the second is answered from memory
        {
            Assert.Equal(snapshot.Reader.DocFreq(Tablet), snapshot.Searcher.IndexReader.DocFreq(Tablet));
            Assert.Equal(snapshot.Reader.TotalTermFreq(Tablet), snapshot.Searcher.IndexReader.TotalTermFreq(Tablet));
            Assert.Equal(expected, Postings(snapshot.Searcher.IndexReader, Tablet));
        }
    }

    [Fact]
    public void A_term_the_plan_lacks_stays_absent_when_sought_again()
    {
        using var snapshot = bundled.Index.Acquire();
        var helicopter = new Term(PlanFields.BodyText, "ヘリコプター");

        Assert.Equal(0, snapshot.Searcher.IndexReader.DocFreq(helicopter));
        Assert.Equal(0, snapshot.Searcher.IndexReader.DocFreq(helicopter));
        Assert.Empty(Postings(snapshot.Searcher.IndexReader, helicopter));
    }

    [Fact]
    public void Phrase_queries_match_the_same_rows_as_over_the_plain_reader()
    {
        using var snapshot = bundled.Index.Acquire();
        var phrase = new PhraseQuery { Slop = 1 };
        phrase.Add(new Term(PlanFields.BodyText, "情報"));
        phrase.Add(new Term(PlanFields.BodyText, "発信"));
        var plain = new IndexSearcher(snapshot.Reader);

        var expected = plain.Search(phrase, 1000).ScoreDocs.Select(d => d.Doc).Order().ToList();
        Assert.NotEmpty(expected);
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(expected, snapshot.Searcher.Search(phrase, 1000).ScoreDocs.Select(d => d.Doc).Order().ToList());
        }
    }

    [Fact]
    public void Walking_on_from_a_remembered_term_gives_the_terms_that_follow_it()
    {
        using var snapshot = bundled.Index.Acquire();
        Assert.Equal(NextTerms(snapshot.Reader.Leaves[0].AtomicReader), NextTerms(snapshot.Searcher.IndexReader.Leaves[0].AtomicReader));
        Assert.Equal(NextTerms(snapshot.Reader.Leaves[0].AtomicReader), NextTerms(snapshot.Searcher.IndexReader.Leaves[0].AtomicReader));
    }

    private static List<string> NextTerms(AtomicReader reader)
    {
        var terms = reader.GetTerms(Tablet.Field).GetEnumerator();
        Assert.True(terms.SeekExact(Tablet.Bytes));
        var following = new List<string>();
        for (var i = 0; i < 3 && terms.MoveNext(); i++) following.Add(terms.Term.Utf8ToString());
        return following;
    }

    private static List<(int Doc, int Freq)> Postings(IndexReader reader, Term term)
    {
        var postings = new List<(int, int)>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(term.Bytes)) continue;
            var docs = terms.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.FREQS);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                postings.Add((leaf.DocBase + doc, docs.Freq));
        }
        return postings;
    }
}
