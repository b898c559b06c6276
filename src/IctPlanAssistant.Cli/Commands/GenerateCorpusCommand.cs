using Spectre.Console;
using System.CommandLine;
using IctPlanAssistant.Cli.Generation;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan generate-corpus --rows N --out DIR [--seed S]</c>: synthetic plan documents for scale tests.</summary>
internal static class GenerateCorpusCommand
{
    public static Command Create()
    {
        var rows = new Option<long>("--rows") { Description = "How many rows to write in all", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the documents to", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices (same seed, same documents)", DefaultValueFactory = _ => 2017 };
        var perDocument = new Option<int>("--rows-per-document") { Description = "Rows per document (each document is one plan in the index)", DefaultValueFactory = _ => 1000 };
        var command = new Command("generate-corpus", "Write synthetic plan documents in the real document's format, for scale tests only.") { rows, output, seed, perDocument };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            return context.Run(() =>
            {
                var count = parse.GetValue(rows);
                var size = parse.GetValue(perDocument);
                if (count <= 0 || size <= 0 || size > 100_000) return context.Fail("--rows must be positive and --rows-per-document between 1 and 100000", ExitCodes.Usage);
                var directory = parse.GetValue(output)!.FullName;
                var paths = SyntheticPlanGenerator.FromBundledPlan().Write(directory, count, parse.GetValue(seed), size);
                context.Out.WriteLine($"Wrote {count:N0} rows in {paths.Count:N0} document(s) to {directory}.");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
