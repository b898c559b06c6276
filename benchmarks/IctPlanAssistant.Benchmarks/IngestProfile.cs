using System.Diagnostics;
using System.Globalization;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// <c>--ingest-profile DIR [threads] [RAM buffer MB] [--writer-only]</c>: where an index build's time goes over a
/// directory of plan documents, stage by stage, each stage timed alone with a stopwatch over every row: reading and
/// parsing, the row's Lucene document, the bare MeCab parse of the analysed text, each analyzer over the fields it
/// analyses, Lucene's share of indexing (the same rows with their tokens analysed beforehand), then the build's writer
/// over every row (<c>threads</c> threads, default every core; another RAM buffer to try one) and what a build does
/// before it publishes (the flush of what is still buffered, the forced merge). The stages before the writer run on one
/// thread, so each is the CPU a build spends on it; <c>--writer-only</c> skips them. Garbage collections and their
/// pauses are printed with each stage.
/// </summary>
internal static class IngestProfile
{
    private static readonly string[] TextFields =
        [PlanFields.NameText, PlanFields.BodyText, PlanFields.NameBigram, PlanFields.BodyBigram, PlanFields.NameReading, PlanFields.BodyReading];

    private static string TextOf(PlanRow row, string field) => field.StartsWith("name", StringComparison.Ordinal) ? row.Name : RowDocument.BodyText(row);

    public static void Run(string directory, int threads, double? ramBufferMB = null, bool writerOnly = false)
    {
        Console.WriteLine($"GC: server {System.Runtime.GCSettings.IsServerGC}, latency mode {System.Runtime.GCSettings.LatencyMode}; {threads} indexing thread(s)");
        var files = System.IO.Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var clock = Stopwatch.StartNew();
        var parser = new PlanDocumentParser();
        var rows = new List<PlanRow>();
        foreach (var file in files)
        {
            var key = Path.GetFileNameWithoutExtension(file);
            rows.AddRange(parser.ParseFile(file).Rows.Select(r => r with { Plan = key }));
        }
        Report("read and parse the documents", clock.Elapsed, rows.Count);

        if (!writerOnly) Analysis(rows);
        Writer(rows, threads, ramBufferMB);
    }

    /// <summary>The stages before Lucene, each alone on one thread.</summary>
    private static void Analysis(List<PlanRow> rows)
    {
        var clock = Stopwatch.StartNew();
        var document = new RowDocument();
        for (var i = 0; i < rows.Count; i++) document.Fill(rows[i], i);
        Report("RowDocument.Fill (stored JSON, fields)", clock.Elapsed, rows.Count);

        var names = rows.Select(r => r.Name).ToArray();
        var bodies = rows.Select(RowDocument.BodyText).ToArray();
        Console.WriteLine($"analysed text: name {names.Sum(n => (long)n.Length):N0} chars, body {bodies.Sum(b => (long)b.Length):N0} chars");

        clock.Restart();
        using (var lattice = MeCabModel.Shared.CreateLattice())
        {
            var morphemes = new List<MeCabMorpheme>();
            foreach (var text in names.Concat(bodies))
            {
                morphemes.Clear();
                MeCabModel.Shared.Parse(text, lattice, morphemes);
            }
        }
        Report("bare MeCab parse of name + body", clock.Elapsed, rows.Count);

        // Each analyzer alone: the Japanese ones parse with MeCab themselves (a fresh text each time).
        foreach (var (label, analyzer) in new (string, Analyzer)[]
                 {
                     ("JapaneseAnalyzer (name, body)", new JapaneseAnalyzer()),
                     ("JapaneseReadingAnalyzer (name, body)", new JapaneseReadingAnalyzer()),
                     ("CjkBigramAnalyzer (name, body)", new CjkBigramAnalyzer()),
                 })
        {
            clock.Restart();
            var tokens = Consume(analyzer, names, bodies);
            Report($"{label}, {tokens:N0} tokens", clock.Elapsed, rows.Count);
        }

        // As the writer analyses a row: the six text fields in a row, the reading analysis reusing the parse.
        var analyzers = PlanAnalyzers.Create();
        clock.Restart();
        long all = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var field in TextFields) all += Count(analyzers, field, TextOf(rows[i], field));
        }
        Report($"PlanAnalyzers, six fields per row as the writer does, {all:N0} tokens", clock.Elapsed, rows.Count);

        InversionAlone(rows, Math.Min(rows.Count, 25_000));
    }

    /// <summary>Lucene's indexing of every row on <paramref name="threads"/> threads, with the builder's settings, then what a build does before it publishes.</summary>
    private static void Writer(List<PlanRow> rows, int threads, double? ramBufferMB)
    {
        var path = Path.Combine(Path.GetTempPath(), "ingest-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var fs = FSDirectory.Open(path);
            var config = IndexBuild.WriterConfig(PlanAnalyzers.Create());
            if (ramBufferMB is { } mb) config.RAMBufferSizeMB = mb;
            Console.WriteLine($"writer: RAM buffer {config.RAMBufferSizeMB} MB");
            using var writer = new IndexWriter(fs, config);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var document = new RowDocument();
                for (var i = rows.Count * t / threads; i < rows.Count * (t + 1) / threads; i++) writer.AddDocument(document.Fill(rows[i], i));
            });
            ReportCpu($"AddDocument, {threads} threads (analysis + inversion + flushes + background merges)", clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, rows.Count);
            clock.Restart();
            writer.Commit();
            Report("Commit (flushes what is still buffered)", clock.Elapsed, rows.Count);
            using (var reader = DirectoryReader.Open(fs)) Console.WriteLine($"  segments before the forced merge: {reader.Leaves.Count}");
            clock.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            writer.ForceMerge(1);
            ReportCpu("ForceMerge(1)", clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, rows.Count);
            clock.Restart();
            writer.Commit();
            Report("Commit after the merge", clock.Elapsed, rows.Count);
        }
        finally
        {
            try { System.IO.Directory.Delete(path, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Lucene's share of indexing: the first <paramref name="count"/> rows indexed on one thread twice, once as the build
    /// does (the writer analyses each text field) and once with every text field's tokens analysed beforehand and
    /// replayed, so the writer only inverts them (and writes stored fields, doc values and norms). Flushed, not merged.
    /// </summary>
    private static void InversionAlone(List<PlanRow> rows, int count)
    {
        var analyzers = PlanAnalyzers.Create();
        var tokens = new CapturedTokens[count][];
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            tokens[i] = TextFields.Select(f => CapturedTokens.Of(analyzers, f, TextOf(row, f))).ToArray();
        }
        foreach (var replay in new[] { false, true })
        {
            var path = Path.Combine(Path.GetTempPath(), "ingest-profile-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var fs = FSDirectory.Open(path);
                using var writer = new IndexWriter(fs, IndexBuild.WriterConfig(PlanAnalyzers.Create()));
                var document = new RowDocument();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    var doc = document.Fill(rows[i], i);
                    if (replay)
                    {
                        var replayed = new Document();
                        foreach (var field in doc.Fields)
                        {
                            var t = Array.IndexOf(TextFields, field.Name);
                            replayed.Add(t < 0 ? field : new TextField(field.Name, new ReplayTokenStream(tokens[i][t])));
                        }
                        doc = replayed;
                    }
                    writer.AddDocument(doc);
                }
                writer.Commit();
                Report(replay
                    ? $"  the same {count:N0} rows, their tokens analysed beforehand: Lucene alone (inversion, stored fields, doc values, flush)"
                    : $"  {count:N0} rows indexed on one thread as the build does (analysis in the writer), flushed", clock.Elapsed, count);
            }
            finally
            {
                try { System.IO.Directory.Delete(path, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>A field's tokens as the writer sees them: each term and its position increment.</summary>
    private sealed record CapturedTokens(char[] Chars, int[] Lengths, int[] Increments)
    {
        public static CapturedTokens Of(Analyzer analyzer, string field, string text)
        {
            var chars = new List<char>();
            var lengths = new List<int>();
            var increments = new List<int>();
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                chars.AddRange(term.Buffer.AsSpan(0, term.Length));
                lengths.Add(term.Length);
                increments.Add(increment.PositionIncrement);
            }
            stream.End();
            return new CapturedTokens(chars.ToArray(), lengths.ToArray(), increments.ToArray());
        }
    }

    private sealed class ReplayTokenStream : TokenStream
    {
        private readonly CapturedTokens _tokens;
        private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;
        private readonly Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute _increment;
        private int _next;
        private int _start;

        public ReplayTokenStream(CapturedTokens tokens)
        {
            _tokens = tokens;
            _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            _increment = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _tokens.Lengths.Length) return false;
            ClearAttributes();
            _term.CopyBuffer(_tokens.Chars, _start, _tokens.Lengths[_next]);
            _increment.PositionIncrement = _tokens.Increments[_next];
            _start += _tokens.Lengths[_next++];
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _start = 0;
        }
    }

    private static long Consume(Analyzer analyzer, string[] names, string[] bodies)
    {
        long tokens = 0;
        for (var i = 0; i < names.Length; i++)
        {
            tokens += Count(analyzer, PlanFields.NameText, names[i]);
            tokens += Count(analyzer, PlanFields.BodyText, bodies[i]);
        }
        return tokens;
    }

    private static long Count(Analyzer analyzer, string field, string text)
    {
        long n = 0;
        using var stream = analyzer.GetTokenStream(field, text);
        stream.Reset();
        while (stream.IncrementToken()) n++;
        stream.End();
        return n;
    }

    private static void Report(string stage, TimeSpan elapsed, int rows) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-90} {elapsed.TotalSeconds,7:0.00} s {rows / elapsed.TotalSeconds,10:N0} rows/s{Gc()}"));

    private static void ReportCpu(string stage, TimeSpan elapsed, TimeSpan cpu, int rows) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-90} {elapsed.TotalSeconds,7:0.00} s {rows / elapsed.TotalSeconds,10:N0} rows/s  cpu {cpu.TotalSeconds:0.00} s{Gc()}"));

    private static (int Gen0, int Gen1, int Gen2, TimeSpan Pause) s_gc;

    /// <summary>Garbage collections and their pauses since the last call.</summary>
    private static string Gc()
    {
        var now = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var text = string.Create(CultureInfo.InvariantCulture, $"  GCs {now.Item1 - s_gc.Gen0}/{now.Item2 - s_gc.Gen1}/{now.Item3 - s_gc.Gen2} (gen0/1/2), paused {(now.Item4 - s_gc.Pause).TotalSeconds:0.00} s");
        s_gc = now;
        return text;
    }
}
