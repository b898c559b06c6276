using System.Runtime.CompilerServices;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The names and words the served index holds: its departments, divisions and section titles (recognised in a
/// question without a glossary entry), and the readings of its words (to read a question typed in kana). Read once per
/// index generation.
/// </summary>
public sealed class IndexVocabulary : IWordRows
{
    private static readonly ConditionalWeakTable<IndexSnapshot, IndexVocabulary> Cache = new();

    private static readonly Lucene.Net.Analysis.Analyzer WordAnalyzer = new JapaneseAnalyzer();

    private readonly IndexReader _reader;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _has = new(StringComparer.Ordinal);
    private readonly Lazy<ILookup<string, string>> _compoundsByHead;

    private IndexVocabulary(IndexReader reader, IReadOnlyList<string> departments, IReadOnlyList<string> divisions, IReadOnlyList<(int, string)> sections, ReadingVocabulary readings)
    {
        _reader = reader;
        _compoundsByHead = new(() => CompoundsByHead(reader));
        Departments = departments;
        Divisions = divisions;
        SectionTitles = sections;
        Readings = readings;
    }

    public IReadOnlyList<string> Departments { get; }

    public IReadOnlyList<string> Divisions { get; }

    public IReadOnlyList<(int Section, string Title)> SectionTitles { get; }

    /// <summary>The readings of the index's words, to read a question typed in kana.</summary>
    public ReadingVocabulary Readings { get; }

    public static IndexVocabulary Of(IndexSnapshot snapshot) => Cache.GetValue(snapshot, Read);

    /// <summary>
    /// Whether the plan writes the word: every term the word's analysis gives is in some row's name or body (無人航空機 →
    /// 無人, 航空, 機). Call it only while holding the snapshot this vocabulary was read from.
    /// </summary>
    public bool Has(string word) => _has.TryGetValue(word, out var has) ? has : _has.GetOrAdd(word, static (w, self) => self.RowsWith(w) > 0, this);

    public int Rows => _reader.NumDocs;

    /// <summary>How many rows have the word at most: its rarest term's rows by name and by body, from the term dictionary alone.</summary>
    public int RowsWith(string word)
    {
        var terms = AnalyzedTerms.Of(WordAnalyzer, PlanFields.NameText, word);
        return terms.Count == 0 ? 0
            : terms.Min(t => _reader.DocFreq(new Term(PlanFields.NameText, t.Term)) + _reader.DocFreq(new Term(PlanFields.BodyText, t.Term)));
    }

    /// <summary>How many rows have both words (each in the name or the body), counted up to <paramref name="atMost"/>. Call it only while holding the snapshot.</summary>
    public int RowsWithBoth(string word, string other, int atMost)
    {
        var query = new BooleanQuery();
        foreach (var term in new[] { word, other }.SelectMany(w => AnalyzedTerms.Of(WordAnalyzer, PlanFields.NameText, w)).Select(t => t.Term).Distinct())
        {
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Term(PlanFields.NameText, term)), Occur.SHOULD },
                { new TermQuery(new Term(PlanFields.BodyText, term)), Occur.SHOULD },
            }, Occur.MUST);
        }
        if (query.Clauses.Count == 0) return 0;
        var hits = new CappedHitCount(atMost);
        new IndexSearcher(_reader).Search(query, hits);
        return hits.Count;
    }

    /// <summary>Counts hits up to a cap, then ends the search: at a million rows two common words meet in thousands of rows.</summary>
    private sealed class CappedHitCount(int cap) : ICollector
    {
        public int Count { get; private set; }

        // In order: out of order, Lucene builds a BooleanScorer (a table of 2,048 buckets) for each either-field clause,
        // even for the required ones it then scores in order anyway. The count is the same either way.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Count >= cap) throw new CollectionTerminatedException();
        }

        public void Collect(int doc)
        {
            if (++Count >= cap) throw new CollectionTerminatedException();
        }
    }

    /// <summary>
    /// The kanji words of the plan that end in the word and are longer (大学: 会津大学; 学校: 中学校, 小中学校; 震災: 大震災):
    /// MeCab keeps such a name or compound as one word, so a row that has it has no 大学 of its own, though it is about one.
    /// </summary>
    public IEnumerable<string> CompoundsEndingIn(string word) =>
        word.Length >= MinCompoundHead && word.All(JapaneseCharacters.IsKanji) ? _compoundsByHead.Value[word] : [];

    /// <summary>The shortest head a compound is found by: one kanji (県, 部) ends too many words to say what they are.</summary>
    private const int MinCompoundHead = 2;

    /// <summary>
    /// The kanji words of the plan that begin with a word it never writes alone and are longer (阿武隈: 阿武隈高地): MeCab
    /// keeps such a name as one word, so a row about the place has no 阿武隈 of its own. Found by seeking the terms in
    /// their order; at most <see cref="MaxNamesStartingWith"/>.
    /// </summary>
    public IReadOnlyList<string> NamesStartingWith(string word)
    {
        if (word.Length < MinCompoundHead || !word.All(JapaneseCharacters.IsKanji) || Has(word)) return [];
        var names = new List<string>();
        foreach (var field in (ReadOnlySpan<string>)[PlanFields.NameText, PlanFields.BodyText])
        {
            if (names.Count == MaxNamesStartingWith) break;
            var terms = MultiFields.GetTerms(_reader, field)?.GetEnumerator();
            if (terms is null || terms.SeekCeil(new Lucene.Net.Util.BytesRef(word)) == TermsEnum.SeekStatus.END) continue;
            do
            {
                var term = terms.Term.Utf8ToString();
                if (!term.StartsWith(word, StringComparison.Ordinal)) break;
                if (term.Length > word.Length && term.All(JapaneseCharacters.IsKanji) && !names.Contains(term)) names.Add(term);
            }
            while (names.Count < MaxNamesStartingWith && terms.MoveNext());
        }
        return names;
    }

    private const int MaxNamesStartingWith = 4;

    private static ILookup<string, string> CompoundsByHead(IndexReader reader) =>
        RowCounts(reader, PlanFields.NameText, PlanFields.BodyText).Keys
            .Where(w => w.Length > MinCompoundHead && w.All(JapaneseCharacters.IsKanji))
            .SelectMany(w => Enumerable.Range(1, w.Length - MinCompoundHead).Select(start => (Head: w[start..], Word: w)))
            .ToLookup(c => c.Head, c => c.Word, StringComparer.Ordinal);

    private static IndexVocabulary Read(IndexSnapshot snapshot)
    {
        var reader = snapshot.Reader;
        var sections = snapshot.Manifest?.Sources.SelectMany(s => s.Sections).Select(s => (s.Number, s.Title)).Distinct().ToList() ?? [];
        var readings = new ReadingVocabulary(
            RowCounts(reader, PlanFields.NameReading, PlanFields.BodyReading),
            () => RowCounts(reader, PlanFields.NameText, PlanFields.BodyText).Select(t => (t.Key, t.Value)),
            MeCabModel.Shared);
        return new IndexVocabulary(reader, Terms(reader, PlanFields.Department).ToList(), Terms(reader, PlanFields.Division).ToList(), sections, readings);
    }

    private static IEnumerable<string> Terms(IndexReader reader, string field) => TermsWithRows(reader, field).Select(t => t.Term);

    private static IEnumerable<(string Term, int Rows)> TermsWithRows(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) yield break;
        var e = terms.GetEnumerator();
        while (e.MoveNext()) yield return (e.Term.Utf8ToString(), e.DocFreq);
    }

    /// <summary>Each term of the fields, with the most rows it is in in any one of them.</summary>
    private static Dictionary<string, int> RowCounts(IndexReader reader, params string[] fields)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var (term, rows) in TermsWithRows(reader, field)) counts[term] = Math.Max(counts.GetValueOrDefault(term), rows);
        }
        return counts;
    }
}
