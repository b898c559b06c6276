using System.Diagnostics;
using System.Globalization;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Suggestions;
using IctPlanAssistant.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// Latency of search-as-you-type (<see cref="PlanSuggester"/>, what GET /api/suggest runs) over an existing index, as
/// percentiles over many prefixes of what a citizen types: the first 1–4 characters of the bundled plan's project
/// names and of the words in them, as kana typed before conversion (ぼ, ぼう, ぼうさ, ぼうさい) and as written (防, 防災,
/// タブ), the same prefixes whatever the index, so the sizes compare. Also the one-off cost of the suggestions' table
/// (built once per index generation; a host builds it at start), and, as the baseline, a plain Lucene prefix query
/// for the same prefix over the reading fields (top 8 rows), in the same run.
/// <code>dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --suggest-latency INDEX [rounds]</code>
/// </summary>
internal static class SuggestLatency
{
    public static void Run(string indexPath, int rounds)
    {
        var annotator = ReadingAnnotator.Load();
        var prefixes = Prefixes(annotator);
        using var index = PlanIndex.Open(indexPath);
        var suggester = new PlanSuggester(index, annotator);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var entries = suggester.Warm();
        var build = clock.Elapsed.TotalSeconds;
        var tableBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var warmUp = SteadyState.WarmUp(() =>
        {
            foreach (var p in prefixes)
            {
                suggester.Suggest(p);
                PlainPrefixQuery(index, p);
            }
        });

        var suggest = new List<double>();
        var lucene = new List<double>();
        var byLength = new Dictionary<int, List<double>>();
        var answered = 0;
        var slowest = new Dictionary<string, double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var p in prefixes)
            {
                clock.Restart();
                var result = suggester.Suggest(p);
                var ms = clock.Elapsed.TotalMilliseconds;
                suggest.Add(ms);
                (byLength.TryGetValue(p.Length, out var list) ? list : byLength[p.Length] = []).Add(ms);
                slowest[p] = Math.Max(slowest.GetValueOrDefault(p), ms);
                if (round == 0 && result.Suggestions.Count > 0) answered++;
                clock.Restart();
                PlainPrefixQuery(index, p);
                lucene.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        using var snapshot = index.Acquire();
        Console.WriteLine($"Index {indexPath}: {snapshot.Reader.NumDocs:N0} rows, generation {Path.GetFileName(snapshot.Generation)}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Suggestions' table: {entries:N0} names and words, built in {build:0.00} s (once per generation), about {tableBytes / 1048576.0:0.0} MB."));
        Console.WriteLine($"Warm-up: {warmUp} rounds, until a round compiled no new method.");
        Console.WriteLine($"{prefixes.Count:N0} prefixes × {rounds} rounds = {suggest.Count:N0} lookups; {answered:N0} prefixes ({100.0 * answered / prefixes.Count:0}%) have suggestions.");
        Console.WriteLine("stage                              p50 ms    p90 ms    p99 ms    max ms   mean ms");
        SteadyState.Print("Lucene prefix query (baseline)", lucene, 34);
        SteadyState.Print("suggest (PlanSuggester)", suggest, 34);
        foreach (var (length, values) in byLength.OrderBy(b => b.Key)) SteadyState.Print($"  suggest, {length} character(s)", values, 34);
        Console.WriteLine("slowest prefixes (max ms):");
        foreach (var (p, ms) in slowest.OrderByDescending(s => s.Value).Take(5)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.000}  {p}"));
    }

    /// <summary>
    /// The prefixes typed: for each project name of the bundled plan and each word MeCab finds in it (two characters or
    /// more), its first 1–4 characters as written and of its reading in hiragana; distinct, in a fixed shuffled order.
    /// </summary>
    /// <summary>Prints the prefixes, one a line (for the HTTP measurement, benchmarks/suggest-http.sh).</summary>
    public static void PrintPrefixes()
    {
        foreach (var p in Prefixes(ReadingAnnotator.Load())) Console.WriteLine(p);
    }

    private static List<string> Prefixes(ReadingAnnotator annotator)
    {
        var names = new PlanDocumentParser().ParseFile(PlanCorpus.FindPlan()).Rows.Select(r => r.Name).Distinct().ToList();
        var words = new List<string>(names);
        var morphemes = new List<MeCabMorpheme>();
        foreach (var name in names)
        {
            morphemes.Clear();
            MeCabModel.Shared.Parse(name, morphemes);
            words.AddRange(morphemes.Select(m => name[m.Start..m.End]).Where(w => w.Length >= 2 && w.Any(c => JapaneseCharacters.IsJapanese(c))));
        }
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Distinct())
        {
            var reading = annotator.ReadingOf(word);
            for (var n = 1; n <= 4; n++)
            {
                if (word.Length >= n) prefixes.Add(word[..n]);
                if (reading.Length >= n) prefixes.Add(reading[..n]);
            }
        }
        var random = new Random(2017);
        return prefixes.Where(p => p.Trim().Length == p.Length).OrderBy(p => p, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
    }

    /// <summary>The baseline: a Lucene PrefixQuery of the prefix in katakana over both reading fields, top 8 rows by score.</summary>
    private static int PlainPrefixQuery(PlanIndex index, string prefix)
    {
        using var snapshot = index.Acquire();
        var katakana = JapaneseCharacters.HiraganaToKatakana(prefix);
        var query = new BooleanQuery
        {
            { new PrefixQuery(new Term(PlanFields.NameReading, katakana)), Occur.SHOULD },
            { new PrefixQuery(new Term(PlanFields.BodyReading, katakana)), Occur.SHOULD },
        };
        return snapshot.Searcher.Search(query, 8).ScoreDocs.Length;
    }
}
