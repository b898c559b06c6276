using BenchmarkDotNet.Attributes;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Analysis;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// Single-thread analysis throughput over every text cell of the bundled plan, the corpus repeated
/// <see cref="Repeat"/> times per operation. Each benchmark returns the number of tokens (or morphemes)
/// it produced, so nothing can be optimised away; the Chars/s column divides the corpus by the mean time.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    /// <summary>Corpus repetitions per operation: about half a million characters, some 0.1–0.3 s.</summary>
    public const int Repeat = 20;

    /// <summary>Characters one operation analyses.</summary>
    public static long CharsPerOperation => PlanCorpus.Shared.Chars * Repeat;

    private const string Field = "text";

    private string[] _cells = [];
    private MeCabModel _model = null!;
    private MeCabLattice _lattice = null!;
    private readonly List<MeCabMorpheme> _morphemes = [];
    private Analyzer _japanese = null!;
    private Analyzer _tokenizerWithWidth = null!;
    private Analyzer _tokenizerAlone = null!;
    private Analyzer _bigram = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cells = PlanCorpus.Shared.Cells;
        _model = MeCabModel.Shared;
        _lattice = _model.CreateLattice();
        _japanese = new JapaneseAnalyzer();
        _tokenizerWithWidth = new TokenizerOnlyAnalyzer(widthFilter: true);
        _tokenizerAlone = new TokenizerOnlyAnalyzer(widthFilter: false);
        _bigram = new CjkBigramAnalyzer();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _japanese.Dispose();
        _tokenizerWithWidth.Dispose();
        _tokenizerAlone.Dispose();
        _bigram.Dispose();
        _lattice.Dispose();
    }

    /// <summary>The baseline: MeCab's parse of each cell and the walk of its nodes into morphemes (features cached by the model).</summary>
    [Benchmark(Baseline = true, Description = "MeCab parse (baseline)")]
    public long MeCabParse()
    {
        long morphemes = 0;
        for (var r = 0; r < Repeat; r++)
        {
            foreach (var cell in _cells)
            {
                _morphemes.Clear();
                _model.Parse(cell, _lattice, _morphemes);
                morphemes += _morphemes.Count;
            }
        }
        return morphemes;
    }

    /// <summary>The whole Kuromoji-shaped chain the index uses: width char filter, MeCab tokenizer, six token filters.</summary>
    [Benchmark(Description = "JapaneseAnalyzer")]
    public long JapaneseAnalyzerTokens() => Consume(_japanese);

    /// <summary>MeCabTokenizer behind the width char filter, no token filters: the analyzer minus its filter chain.</summary>
    [Benchmark(Description = "MeCabTokenizer + width filter")]
    public long TokenizerWithWidthFilter() => Consume(_tokenizerWithWidth);

    /// <summary>MeCabTokenizer straight on the text: the tokenizer's own cost over the bare parse.</summary>
    [Benchmark(Description = "MeCabTokenizer alone")]
    public long TokenizerAlone() => Consume(_tokenizerAlone);

    /// <summary>The bigram companion field's analysis.</summary>
    [Benchmark(Description = "CjkBigramAnalyzer")]
    public long CjkBigram() => Consume(_bigram);

    private long Consume(Analyzer analyzer)
    {
        long tokens = 0;
        for (var r = 0; r < Repeat; r++)
        {
            foreach (var cell in _cells)
            {
                using var stream = analyzer.GetTokenStream(Field, cell);
                stream.Reset();
                while (stream.IncrementToken()) tokens++;
                stream.End();
            }
        }
        return tokens;
    }

    /// <summary>Just the tokenizer, optionally behind the width char filter.</summary>
    private sealed class TokenizerOnlyAnalyzer(bool widthFilter) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            widthFilter ? JapaneseWidthCharFilter.Wrap(reader) : reader;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new MeCabTokenizer(reader));
    }
}
