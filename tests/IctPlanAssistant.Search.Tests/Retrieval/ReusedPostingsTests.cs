using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>Postings read in a scope are reused after it: the same enumerators, reset for each term, read the same rows.</summary>
public sealed class ReusedPostingsTests
{
    [Fact]
    public void Phrases_marked_in_scopes_one_after_another_match_the_rows_Lucene_matches()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        var searcher = new IndexSearcher(TermLookupCachingReader.Over(reader));
        for (var round = 0; round < 3; round++)
        {
            using (ReusedPostings.Begin())
            {
                foreach (var phrase in PhraseMarksTests.Phrases())
                {
                    var docs = new FixedBitSet(reader.MaxDoc);
                    PhraseMarks.Mark(searcher, phrase, docs, null, new FixedBitSet(reader.MaxDoc));
                    Assert.Equal(PhraseMarksTests.LuceneRows(searcher, phrase), PhraseMarksTests.Bits(docs));
                }
            }
        }
    }

    [Fact]
    public void An_enumerator_goes_back_to_the_pool_when_its_scope_ends_and_not_before()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        var top = TermLookupCachingReader.Over(reader);
        var leaf = top.Leaves[0];
        var field = PhraseMarksTests.Words;
        DocsAndPositionsEnum Read(string word)
        {
            var terms = ReusedPostings.Terms(leaf, field)!;
            Assert.True(terms.SeekExact(new BytesRef(word)));
            return ReusedPostings.Positions(leaf, terms, field, leaf.AtomicReader.LiveDocs);
        }

        DocsAndPositionsEnum first, second;
        using (ReusedPostings.Begin())
        {
            first = Read("a");
            second = Read("b");
            Assert.NotSame(first, second); // both lent until the scope ends
        }
        using (ReusedPostings.Begin())
        {
            var again = Read("c");
            Assert.True(ReferenceEquals(again, first) || ReferenceEquals(again, second));
            var fresh = leaf.AtomicReader.GetTerms(field).GetEnumerator();
            Assert.True(fresh.SeekExact(new BytesRef("c")));
            var expected = fresh.DocsAndPositions(leaf.AtomicReader.LiveDocs, null);
            for (var doc = again.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = again.NextDoc())
            {
                Assert.Equal(expected.NextDoc(), doc);
                Assert.Equal(expected.Freq, again.Freq);
                for (var i = 0; i < again.Freq; i++) Assert.Equal(expected.NextPosition(), again.NextPosition());
            }
            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, expected.NextDoc());
        }
    }
}
