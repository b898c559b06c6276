using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;
using IctPlanAssistant.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>
/// The rows of common words' clauses kept per snapshot: the rows kept must be the rows Lucene matches, and the gate's
/// results with them the same as with the clauses walked every time.
/// </summary>
[Collection(ClauseRowsSwitchCollection.Name)]
public sealed class ClauseRowsTests
{
    [Fact]
    public void The_rows_kept_for_every_phrase_and_word_are_the_rows_Lucene_matches()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 600, segments: 3);
        Assert.True(reader.HasDeletions);
        var searcher = new IndexSearcher(reader);
        var kept = new ClauseRows(reader.MaxDoc, minLeadRows: 1);
        var exact = PhraseMarksTests.Phrases().ToList();
        var sloppy = exact.Select(p => PhraseMarksTests.Sloppy(p, 1)).Where(PhraseMarks.Handles).ToList();
        var words = PhraseMarksTests.Vocabulary.Select(w => (Query)new TermQuery(new Term(PhraseMarksTests.Words, w))).ToList();
        var clauses = exact.Concat(sloppy).Concat(words).ToList();
        foreach (var clause in clauses)
        {
            Assert.Null(kept.Rows(searcher, clause)); // asked once: walked by the caller, not kept
            var rows = kept.Rows(searcher, clause);
            Assert.NotNull(rows);
            Assert.Equal(PhraseMarksTests.LuceneRows(searcher, clause), Rows(rows, reader.MaxDoc));
            Assert.Same(rows, kept.Rows(searcher, clause)); // kept, not found again
        }
        Assert.Equal(clauses.Count, kept.Count);
    }

    [Fact]
    public void A_clause_led_by_a_rarer_word_or_one_phrase_marking_leaves_to_Lucene_is_not_kept()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 200, segments: 2);
        var searcher = new IndexSearcher(reader);
        var phrase = PhraseMarksTests.Phrases().First();
        var rarest = phrase.GetTerms().Min(reader.DocFreq);

        // Asked twice: a clause is kept from its second use on.
        KeptRows? Twice(ClauseRows kept, Query clause) => kept.Rows(searcher, clause) ?? kept.Rows(searcher, clause);
        Assert.Null(Twice(new ClauseRows(reader.MaxDoc, minLeadRows: rarest + 1), phrase));
        Assert.Null(Twice(new ClauseRows(reader.MaxDoc, minLeadRows: int.MaxValue), new TermQuery(new Term(PhraseMarksTests.Words, "a"))));
        Assert.NotNull(Twice(new ClauseRows(reader.MaxDoc, minLeadRows: rarest), phrase));
        // A sloppy phrase that repeats a word is marked by Lucene's scorer, and not kept.
        var repeats = new PhraseQuery { Slop = 1 };
        repeats.Add(new Term(PhraseMarksTests.Words, "a"), 0);
        repeats.Add(new Term(PhraseMarksTests.Words, "a"), 1);
        Assert.Null(Twice(new ClauseRows(reader.MaxDoc, minLeadRows: 1), repeats));
    }

    [Fact]
    public void The_boost_does_not_change_what_is_kept_and_the_positions_do()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 200, segments: 2);
        var searcher = new IndexSearcher(reader);
        var kept = new ClauseRows(reader.MaxDoc, minLeadRows: 1);
        PhraseQuery Phrase(float boost, int gap)
        {
            var phrase = new PhraseQuery { Boost = boost };
            phrase.Add(new Term(PhraseMarksTests.Words, "a"), 0);
            phrase.Add(new Term(PhraseMarksTests.Words, "b"), gap);
            return phrase;
        }

        Assert.Null(kept.Rows(searcher, Phrase(1f, 1)));
        Assert.NotNull(kept.Rows(searcher, Phrase(4f, 1))); // the same clause's second use
        Assert.Same(kept.Rows(searcher, Phrase(1f, 1)), kept.Rows(searcher, Phrase(4f, 1)));
        Assert.Null(kept.Rows(searcher, Phrase(1f, 2)));
        Assert.NotSame(kept.Rows(searcher, Phrase(1f, 1)), kept.Rows(searcher, Phrase(1f, 2)));
        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void Few_rows_are_kept_as_row_numbers_and_many_as_a_bit_set_alike()
    {
        var few = new FixedBitSet(10_000);
        foreach (var doc in new[] { 3, 64, 65, 9_999 }) few.Set(doc);
        var many = new FixedBitSet(1_000);
        for (var doc = 0; doc < 1_000; doc += 7) many.Set(doc);

        var keptFew = KeptRows.Of(few);
        var keptMany = KeptRows.Of(many);

        Assert.Equal(16, keptFew.Bytes); // four row numbers
        Assert.Equal(FixedBitSet.Bits2words(1_000) * 8L, keptMany.Bytes);
        Assert.Equal(PhraseMarksTests.Bits(few), Rows(keptFew, 10_000));
        Assert.Equal(PhraseMarksTests.Bits(many), Rows(keptMany, 1_000));
        var marked = new FixedBitSet(10_000);
        marked.Set(5);
        keptFew.AddTo(marked);
        Assert.Equal([3, 5, 64, 65, 9_999], PhraseMarksTests.Bits(marked));
    }

    private static List<int> Rows(KeptRows? rows, int maxDoc)
    {
        Assert.NotNull(rows);
        var set = new FixedBitSet(maxDoc);
        rows.AddTo(set);
        return PhraseMarksTests.Bits(set);
    }

    [Fact]
    public void Past_its_memory_bound_the_cache_starts_again()
    {
        using var dir = new TempDirectory();
        using var reader = PhraseMarksTests.RandomIndex(dir.Path, rows: 200, segments: 2);
        var searcher = new IndexSearcher(reader);
        var perClause = FixedBitSet.Bits2words(reader.MaxDoc) * 8L;
        var kept = new ClauseRows(reader.MaxDoc, minLeadRows: 1, maxBytes: 3 * perClause);

        foreach (var word in PhraseMarksTests.Vocabulary)
        {
            var clause = new TermQuery(new Term(PhraseMarksTests.Words, word));
            Assert.Null(kept.Rows(searcher, clause));
            Assert.NotNull(kept.Rows(searcher, clause));
        }

        Assert.InRange(kept.Count, 1, 3);
    }

    [Fact]
    public void Questions_over_common_words_retrieve_the_same_rows_and_scores_with_the_kept_rows_as_with_the_walk()
    {
        // The bundled plan under eight keys (824 rows): words in 16 rows or more have their clauses kept.
        using var plans = BundledIndexFixture.OfPlans(Enumerable.Range(1, 8).Select(i => $"p{i}"));
        string[] questions =
        [
            "河川情報のホームページのアクセスは何回？", "県のホームページを管理している事業", "インターネットで申請できる事業は？",
            "会計のシステムを運用したり改修したりしてる事業を教えて", "中山間地域の学校にインターネットで授業を配信している事業",
            "Can residents file applications and notifications online? Which project handles that?",
            "Is there an online store project for farm products?", "情報システムの事業費の合計は？", "ネットワークの整備",
        ];
        string Retrieved(string question)
        {
            var result = plans.Retriever.Retrieve(plans.Interpreter.Interpret(question), RetrievalOptions.Default with { Top = 20, Highlight = false });
            return $"{result.Total} {result.FullMatchCount} " + string.Join(' ', result.Rows.Select(r => $"{r.Row.Id}:{r.Score:R}:{r.Coverage:R}:{r.ContentCoverage:R}"));
        }

        List<string> walked;
        ClauseRows.Enabled = false;
        try
        {
            walked = questions.Select(Retrieved).ToList();
        }
        finally
        {
            ClauseRows.Enabled = true;
        }
        var firstTime = questions.Select(Retrieved).ToList(); // each clause walked, and found and kept at its second use
        var keptAlready = questions.Select(Retrieved).ToList(); // the rows kept before

        using (var snapshot = plans.Index.Acquire()) Assert.True(ClauseRows.Of(snapshot.Searcher).Count > 10, "the questions' common clauses are kept");
        Assert.Equal(walked, firstTime);
        Assert.Equal(walked, keptAlready);
    }
}

/// <summary>Tests that turn <see cref="ClauseRows.Enabled"/> off run alone: no other test's retrieval may see it off.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClauseRowsSwitchCollection
{
    public const string Name = "clause rows switch";
}
