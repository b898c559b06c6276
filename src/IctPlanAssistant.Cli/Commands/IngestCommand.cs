using System.CommandLine;
using System.Globalization;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan ingest [--source PATH]...</c>: parse plan documents and publish a new index.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Option<string[]>("--source")
        {
            Description = "A plan document, a directory of them, or KEY=PATH to name the plan (repeatable; default: the bundled plan)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("ingest", "Build the index from plan documents; the served index changes only if every document is read without error.") { sources };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            return context.Run(() => Execute(context, parse.GetValue(sources) ?? []));
        });
        return command;
    }

    private static int Execute(CliContext context, IReadOnlyList<string> specs)
    {
        IReadOnlyList<PlanSource> sources;
        try
        {
            sources = PlanSource.Resolve(specs);
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            return context.Fail(e.Message, ExitCodes.Usage);
        }

        IngestReport report;
        try
        {
            report = WithProgress(context, progress => new PlanIngestor(new IndexLocation(context.IndexPath)).Ingest(sources, progress));
        }
        catch (PlanFormatException e)
        {
            foreach (var error in e.Errors) context.Error.MarkupLineInterpolated($"[red]{error}[/]");
            return context.Fail($"{e.Errors.Count} error(s); the index at {context.IndexPath} was not changed.");
        }
        catch (IOException e)
        {
            return context.Fail(e.Message);
        }
        PrintSummary(context, report);
        return ExitCodes.Success;
    }

    private static IngestReport WithProgress(CliContext context, Func<IProgress<IngestProgress>, IngestReport> ingest)
    {
        if (Console.IsErrorRedirected)
        {
            var last = (IngestStage?)null;
            return ingest(new InlineProgress(p =>
            {
                if (p.Stage == last) return;
                last = p.Stage;
                context.Error.WriteLine(p.Stage == IngestStage.Parsing ? $"Reading {p.Total} plan document(s)…" : $"Indexing {p.Total:N0} rows…");
            }));
        }
        IngestReport? report = null;
        context.Error.Progress().AutoClear(true).Start(ctx =>
        {
            var parsing = ctx.AddTask("Reading documents");
            var indexing = ctx.AddTask("Indexing rows");
            report = ingest(new InlineProgress(p =>
            {
                var task = p.Stage == IngestStage.Parsing ? parsing : indexing;
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
                if (p.Stage == IngestStage.Indexing) parsing.Value = parsing.MaxValue;
            }));
            indexing.Value = indexing.MaxValue;
        });
        return report!;
    }

    private static void PrintSummary(CliContext context, IngestReport report)
    {
        var sections = new Table().Title("Rows per section").AddColumns("Plan", "Section", "Title", "Rows");
        foreach (var g in report.Rows.GroupBy(r => (r.Plan, r.Section, r.SectionTitle)).OrderBy(g => g.Key.Plan).ThenBy(g => g.Key.Section))
            sections.AddRow(Markup.Escape(g.Key.Plan ?? ""), g.Key.Section.ToString(CultureInfo.InvariantCulture), Markup.Escape(g.Key.SectionTitle), g.Count().ToString(CultureInfo.InvariantCulture));
        var departments = new Table().Title("Rows per department").AddColumns("Department", "Rows", "Budget (thousand yen)");
        foreach (var g in report.Rows.GroupBy(r => r.Department).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            departments.AddRow(Markup.Escape(g.Key), g.Count().ToString(CultureInfo.InvariantCulture), g.Sum(r => r.BudgetThousandYen ?? 0).ToString("N0", CultureInfo.InvariantCulture));
        context.Out.Write(sections);
        context.Out.Write(departments);
        context.Out.MarkupLineInterpolated($"[green]{report.Rows.Count} rows[/] from {report.Manifest.Sources.Count} document(s) indexed into {context.IndexPath} in {report.Elapsed.TotalSeconds:0.0} s.");
        if (report.Warnings.Count > 0)
        {
            context.Out.MarkupLineInterpolated($"[yellow]{report.Warnings.Count} warning(s):[/]");
            foreach (var warning in report.Warnings) context.Out.MarkupLineInterpolated($"  [yellow]{warning}[/]");
        }
    }

    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
