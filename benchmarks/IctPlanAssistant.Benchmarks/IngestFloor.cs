using System.Diagnostics;
using System.Globalization;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis.MeCab;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// The baseline of an index build over a directory of plan documents: reading and parsing the documents, then
/// the bare MeCab parse of every text cell the index analyses, on one thread and on every core. No index can be
/// built from these documents with MeCab faster than the parse and the MeCab pass together.
/// <code>dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --ingest-floor DIR</code>
/// </summary>
internal static class IngestFloor
{
    public static void Run(string directory)
    {
        var files = Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var clock = Stopwatch.StartNew();
        var parser = new PlanDocumentParser();
        var cells = new List<string>();
        var rows = 0;
        foreach (var file in files)
        {
            foreach (var row in parser.ParseFile(file).Rows)
            {
                rows++;
                cells.AddRange(new[] { row.Name, row.Summary, row.Achievement, row.Results, row.Department, string.Join('\n', row.Divisions) }.Where(c => c.Length > 0));
            }
        }
        var parse = clock.Elapsed.TotalSeconds;
        var chars = cells.Sum(c => (long)c.Length);

        clock.Restart();
        MeCabPass(cells, 0, cells.Count);
        var single = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var slices = Environment.ProcessorCount;
        Parallel.For(0, slices, s => MeCabPass(cells, cells.Count * s / slices, cells.Count * (s + 1) / slices));
        var parallel = clock.Elapsed.TotalSeconds;

        string Rate(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds,7:0.00} s  {rows / seconds,10:N0} rows/s  {chars / seconds / 1e6,6:0.00} M chars/s");
        Console.WriteLine($"{directory}: {files.Length:N0} documents, {rows:N0} rows, {cells.Count:N0} text cells, {chars:N0} chars");
        Console.WriteLine($"read and parse the documents      {Rate(parse)}");
        Console.WriteLine($"MeCab parse of every cell, 1 core {Rate(single)}");
        Console.WriteLine($"MeCab parse, {slices} cores             {Rate(parallel)}");
        Console.WriteLine($"floor (parse + MeCab on {slices} cores)  {Rate(parse + parallel)}");
    }

    private static void MeCabPass(List<string> cells, int from, int to)
    {
        using var lattice = MeCabModel.Shared.CreateLattice();
        var morphemes = new List<MeCabMorpheme>();
        for (var i = from; i < to; i++)
        {
            morphemes.Clear();
            MeCabModel.Shared.Parse(cells[i], lattice, morphemes);
        }
    }
}
