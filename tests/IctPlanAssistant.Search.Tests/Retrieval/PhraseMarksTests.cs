using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;
using IctPlanAssistant.Testing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// The gate marks exact phrases without Lucene's scorer: the rows it marks must be the rows Lucene's PhraseQuery
/// matches, for every phrase, over several segments with deleted rows, repeated words and gaps left by stop words.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class PhraseMarksTests(BundledIndexFixture bundled)
{
    internal const string Words = "f";
    internal static readonly string[] Vocabulary = ["a", "b", "c", "d"];

    [Fact]
    public void Every_phrase_of_a_small_vocabulary_marks_the_rows_Lucene_matches()
    {
        using var dir = new TempDirectory();
        using var reader = RandomIndex(dir.Path, rows: 600, segments: 3);
        Assert.Equal(3, reader.Leaves.Count);
        Assert.True(reader.HasDeletions);
        foreach (var searcher in new[] { new IndexSearcher(reader), new IndexSearcher(TermLookupCachingReader.Over(reader)) })
        {
            var checkedPhrases = 0;
            foreach (var phrase in Phrases())
            {
                var expected = LuceneRows(searcher, phrase);
                Assert.Equal(expected, Marked(searcher, phrase, new FixedBitSet(reader.MaxDoc)));
                checkedPhrases++;
            }
            Assert.Equal(160, checkedPhrases);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_sloppy_phrase_of_different_words_marks_the_rows_Lucene_matches(int slop)
    {
        using var dir = new TempDirectory();
        using var reader = RandomIndex(dir.Path, rows: 600, segments: 3);
        var searcher = new IndexSearcher(TermLookupCachingReader.Over(reader));
        var sloppy = Phrases().Select(p => Sloppy(p, slop)).Where(PhraseMarks.Handles).ToList();
        Assert.Equal(4 * 3 * 2 + 4 * 3 * 2 * 2, sloppy.Count);
        foreach (var phrase in sloppy)
        {
            Assert.Equal(LuceneRows(searcher, phrase), Marked(searcher, phrase, new FixedBitSet(reader.MaxDoc)));
        }
        // A phrase that repeats a word is Lucene's to mark.
        Assert.False(PhraseMarks.Handles(Sloppy(Phrase(("a", 0), ("a", 1)), slop)));
    }

    [Fact]
    public void The_sloppy_phrases_of_the_plan_s_names_mark_the_rows_Lucene_matches()
    {
        using var snapshot = bundled.Index.Acquire();
        var text = new TextQueryBuilder(PlanAnalyzers.Create());
        var checkedPhrases = 0;
        foreach (var name in Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Row(d).Name))
        {
            foreach (var field in new[] { PlanFields.NameText, PlanFields.BodyText })
            {
                var tokens = text.Tokens(field, name).Take(3).ToList();
                if (tokens.Count < 2) continue;
                var phrase = new PhraseQuery { Slop = 1 };
                foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position - tokens[0].Position);
                if (!PhraseMarks.Handles(phrase)) continue;
                Assert.Equal(LuceneRows(snapshot.Searcher, phrase), Marked(snapshot.Searcher, phrase, new FixedBitSet(snapshot.Reader.MaxDoc)));
                checkedPhrases++;
            }
        }
        Assert.True(checkedPhrases > 100);
    }

    internal static PhraseQuery Sloppy(PhraseQuery phrase, int slop)
    {
        var sloppy = new PhraseQuery { Slop = slop };
        var positions = phrase.GetPositions();
        var terms = phrase.GetTerms();
        for (var i = 0; i < terms.Length; i++) sloppy.Add(terms[i], positions[i]);
        return sloppy;
    }

    [Fact]
    public void Rows_marked_already_stay_marked_and_the_rest_are_added()
    {
        using var dir = new TempDirectory();
        using var reader = RandomIndex(dir.Path, rows: 400, segments: 2);
        var searcher = new IndexSearcher(reader);
        var random = new Random(7);
        foreach (var phrase in Phrases().Take(200))
        {
            var before = new FixedBitSet(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (random.Next(3) == 0) before.Set(doc);
            }
            var expected = LuceneRows(searcher, phrase).Union(Bits(before)).Order().ToList();

            Assert.Equal(expected, Marked(searcher, phrase, before));
        }
    }

    [Fact]
    public void The_bigram_phrase_of_every_project_name_marks_the_rows_Lucene_matches_in_the_bundled_plan()
    {
        using var snapshot = bundled.Index.Acquire();
        var text = new TextQueryBuilder(PlanAnalyzers.Create());
        var names = Enumerable.Range(0, snapshot.Reader.MaxDoc).Select(d => snapshot.Row(d).Name).ToList();
        var matched = 0;
        foreach (var name in names)
        {
            foreach (var field in new[] { PlanFields.NameBigram, PlanFields.BodyBigram })
            {
                // The name's first few bigrams: long enough to be a phrase, short enough to be found in other rows too.
                var tokens = text.Tokens(field, name).Take(4).ToList();
                if (tokens.Count < 2) continue;
                var phrase = new PhraseQuery();
                foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position - tokens[0].Position);
                var expected = LuceneRows(snapshot.Searcher, phrase);
                Assert.Equal(expected, Marked(snapshot.Searcher, phrase, new FixedBitSet(snapshot.Reader.MaxDoc)));
                matched += expected.Count;
            }
        }
        Assert.True(matched >= names.Count, "every name's phrase matches at least its own row");
    }

    [Fact]
    public void A_name_field_phrase_also_marks_its_rows_as_matched_in_the_name()
    {
        using var snapshot = bundled.Index.Acquire();
        var phrase = new PhraseQuery();
        phrase.Add(new Term(PlanFields.NameBigram, "情報"));
        phrase.Add(new Term(PlanFields.NameBigram, "報発"));
        var docs = new FixedBitSet(snapshot.Reader.MaxDoc);
        var inName = new FixedBitSet(snapshot.Reader.MaxDoc);

        PhraseMarks.Mark(snapshot.Searcher, phrase, docs, inName, inName);

        Assert.NotEmpty(Bits(docs));
        Assert.Equal(LuceneRows(snapshot.Searcher, phrase), Bits(docs));
        Assert.Equal(Bits(docs), Bits(inName));
    }

    private static List<int> Marked(IndexSearcher searcher, PhraseQuery phrase, FixedBitSet docs)
    {
        PhraseMarks.Mark(searcher, phrase, docs, inName: null, skip: docs);
        return Bits(docs);
    }

    internal static List<int> LuceneRows(IndexSearcher searcher, Query query) =>
        searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.Select(d => d.Doc).Order().ToList();

    internal static List<int> Bits(FixedBitSet bits)
    {
        var list = new List<int>();
        for (var doc = bits.Length > 0 ? bits.NextSetBit(0) : -1; doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1) list.Add(doc);
        return list;
    }

    /// <summary>Every phrase of two or three words of the vocabulary (repeats included), with and without a gap after the first.</summary>
    internal static IEnumerable<PhraseQuery> Phrases()
    {
        foreach (var first in Vocabulary)
        foreach (var second in Vocabulary)
        {
            yield return Phrase((first, 0), (second, 1));
            yield return Phrase((first, 0), (second, 2));
            foreach (var third in Vocabulary)
            {
                yield return Phrase((first, 0), (second, 1), (third, 2));
                yield return Phrase((first, 0), (second, 2), (third, 3));
            }
        }
    }

    internal static PhraseQuery Phrase(params (string Word, int Position)[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var (word, position) in words) phrase.Add(new Term(Words, word), position);
        return phrase;
    }

    /// <summary>
    /// Rows of random words (x is a stop word, leaving a gap), written in several segments, one row in ten deleted.
    /// </summary>
    internal static DirectoryReader RandomIndex(string path, int rows, int segments)
    {
        var random = new Random(2017);
        var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(tokenizer, new StopFilter(LuceneVersion.LUCENE_48, tokenizer, new CharArraySet(LuceneVersion.LUCENE_48, ["x"], false)));
        });
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            for (var row = 0; row < rows; row++)
            {
                var words = Enumerable.Range(0, random.Next(1, 14)).Select(_ => random.Next(9) == 0 ? "x" : Vocabulary[random.Next(Vocabulary.Length)]);
                writer.AddDocument(new Document { new StringField("id", row.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO), new TextField(Words, string.Join(' ', words), Field.Store.NO) });
                if ((row + 1) % (rows / segments) == 0) writer.Commit();
            }
            for (var row = 0; row < rows; row += 10) writer.DeleteDocuments(new Term("id", row.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            writer.Commit();
        }
        return DirectoryReader.Open(FSDirectory.Open(path));
    }
}
