using System.Diagnostics;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// <c>--breakdown [rounds]</c>: where the analyzer's time goes, stage by stage. The JapaneseAnalyzer chain is built up
/// one filter at a time and every variant is timed over the same corpus (×<see cref="AnalysisBenchmarks.Repeat"/>),
/// the variants interleaved round after round and the fastest round kept, so load from other processes on the
/// machine shifts all of them alike. A stopwatch profile, not a BenchmarkDotNet run.
/// </summary>
internal static class Breakdown
{
    public static void Run(int rounds)
    {
        var cells = PlanCorpus.Shared.Cells;
        var model = MeCabModel.Shared;
        using var lattice = model.CreateLattice();
        var morphemes = new List<MeCabMorpheme>();
        var stages = new (string Name, Func<TokenStream, TokenStream> Add)[]
        {
            ("+ JapaneseBaseFormFilter", s => new JapaneseBaseFormFilter(s)),
            ("+ JapanesePartOfSpeechStopFilter", s => new JapanesePartOfSpeechStopFilter(JapaneseAnalyzer.Version, s, JapaneseAnalyzer.StopTags)),
            ("+ CJKWidthFilter", s => new CJKWidthFilter(s)),
            ("+ StopFilter", s => new StopFilter(JapaneseAnalyzer.Version, s, JapaneseAnalyzer.StopWords)),
            ("+ JapaneseKatakanaStemFilter", s => new JapaneseKatakanaStemFilter(s)),
            ("+ LowerCaseFilter (= the analyzer's chain)", s => new LowerCaseFilter(JapaneseAnalyzer.Version, s)),
        };
        var cases = new List<(string Name, Func<long> Run)>
        {
            ("MeCabModel.Parse (baseline)", () =>
            {
                long n = 0;
                for (var r = 0; r < AnalysisBenchmarks.Repeat; r++)
                {
                    foreach (var cell in cells)
                    {
                        morphemes.Clear();
                        model.Parse(cell, lattice, morphemes);
                        n += morphemes.Count;
                    }
                }
                return n;
            }),
        };
        var analyzers = new List<Analyzer> { Chain(widthFilter: false, []), Chain(widthFilter: true, []) };
        cases.Add(("MeCabTokenizer", Consumer(analyzers[0], cells)));
        cases.Add(("width char filter + MeCabTokenizer", Consumer(analyzers[1], cells)));
        for (var i = 0; i < stages.Length; i++)
        {
            var analyzer = Chain(widthFilter: true, stages[..(i + 1)].Select(s => s.Add).ToArray());
            analyzers.Add(analyzer);
            cases.Add((stages[i].Name, Consumer(analyzer, cells)));
        }
        var japanese = new JapaneseAnalyzer();
        analyzers.Add(japanese);
        cases.Add(("JapaneseAnalyzer", Consumer(japanese, cells)));
        // The chain as it was before the width char filter was rewritten: a MappingCharFilter over the same mapping.
        var formerMap = FormerWidthMap();
        var former = Chain(reader => new MappingCharFilter(formerMap, reader), stages.Select(s => s.Add).ToArray());
        analyzers.Add(former);
        cases.Add(("JapaneseAnalyzer with MappingCharFilter (former)", Consumer(former, cells)));

        var best = new double[cases.Count];
        var allocated = new long[cases.Count];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                cases[i].Run();
                clock.Stop();
                allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
                best[i] = Math.Min(best[i], clock.Elapsed.TotalMilliseconds);
            }
        }
        var chars = AnalysisBenchmarks.CharsPerOperation;
        Console.WriteLine($"Fastest of {rounds} interleaved rounds, {chars:N0} chars each, single thread:");
        Console.WriteLine($"| {"stage",-48} | {"ms",7} | {"M chars/s",9} | {"vs MeCab",8} | {"allocated",10} |");
        Console.WriteLine($"|{new string('-', 50)}|{new string('-', 8)}:|{new string('-', 10)}:|{new string('-', 9)}:|{new string('-', 11)}:|");
        for (var i = 0; i < cases.Count; i++)
        {
            Console.WriteLine($"| {cases[i].Name,-48} | {best[i],7:0.0} | {chars / best[i] / 1000,9:0.00} | {best[0] / best[i],8:0.0%} | {allocated[i] / 1048576.0,6:0.0} MiB |");
        }
        foreach (var analyzer in analyzers) analyzer.Dispose();
    }

    private static Analyzer Chain(bool widthFilter, Func<TokenStream, TokenStream>[] filters) =>
        Chain(reader => widthFilter ? JapaneseWidthCharFilter.Wrap(reader) : reader, filters);

    private static Analyzer Chain(Func<TextReader, TextReader> charFilter, Func<TokenStream, TokenStream>[] filters) =>
        Analyzer.NewAnonymous(
            (_, reader) =>
            {
                var tokenizer = new MeCabTokenizer(reader);
                TokenStream stream = tokenizer;
                foreach (var add in filters) stream = add(stream);
                return new TokenStreamComponents(tokenizer, stream);
            },
            (_, reader) => charFilter(reader));

    private static NormalizeCharMap FormerWidthMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (input, output) in JapaneseWidthCharFilter.BuildMap()) builder.Add(input, output);
        return builder.Build();
    }

    private static Func<long> Consumer(Analyzer analyzer, string[] cells) => () =>
    {
        long tokens = 0;
        for (var r = 0; r < AnalysisBenchmarks.Repeat; r++)
        {
            foreach (var cell in cells)
            {
                using var stream = analyzer.GetTokenStream("text", cell);
                stream.Reset();
                while (stream.IncrementToken()) tokens++;
                stream.End();
            }
        }
        return tokens;
    };
}
