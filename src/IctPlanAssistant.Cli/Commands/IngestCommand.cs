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
            return context.Fail($"{e.Total:N0} error(s); the index at {context.IndexPath} was not changed.");
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
            // Not a terminal: a line when the work starts and about every tenth of the documents.
            context.Error.WriteLine("Reading and indexing plan documents…");
            var lastTenth = 0;
            var gate = new Lock();
            return ingest(new InlineProgress(p =>
            {
                var tenth = p.Documents == 0 ? 10 : p.DocumentsRead * 10 / p.Documents;
                lock (gate)
                {
                    if (tenth <= lastTenth || p.Documents < 20) return;
                    lastTenth = tenth;
                }
                context.Error.WriteLine($"{p.DocumentsRead:N0} of {p.Documents:N0} documents, {p.RowsIndexed:N0} rows indexed…");
            }));
        }
        IngestReport? report = null;
        context.Error.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("Reading and indexing documents");
            report = ingest(new InlineProgress(p =>
            {
                task.MaxValue = Math.Max(1, p.Documents);
                task.Value = p.DocumentsRead;
                task.Description = $"Indexing ({p.RowsIndexed:N0} rows)";
            }));
            task.Value = task.MaxValue;
        });
        return report!;
    }

    private static void PrintSummary(CliContext context, IngestReport report)
    {
        var sections = new Table().Title("Rows per section").AddColumns("Plan", "Section", "Title", "Rows");
        foreach (var s in report.Sections.Take(MaxTableRows))
            sections.AddRow(Markup.Escape(s.Plan ?? ""), s.Section.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Title), s.Rows.ToString(CultureInfo.InvariantCulture));
        if (report.Sections.Count > MaxTableRows) sections.AddRow("…", "", $"({report.Sections.Count - MaxTableRows:N0} more)", "");
        var departments = new Table().Title("Rows per department").AddColumns("Department", "Rows", "Budget (thousand yen)");
        foreach (var d in report.Departments.Take(MaxTableRows))
            departments.AddRow(Markup.Escape(d.Department), d.Rows.ToString(CultureInfo.InvariantCulture), d.BudgetThousandYen.ToString("N0", CultureInfo.InvariantCulture));
        context.Out.Write(sections);
        context.Out.Write(departments);
        context.Out.MarkupLineInterpolated($"[green]{report.RowCount} rows[/] from {report.Manifest.Sources.Count} document(s) indexed into {context.IndexPath} in {report.Elapsed.TotalSeconds:0.0} s.");
        if (report.Warnings.Count > 0)
        {
            context.Out.MarkupLineInterpolated($"[yellow]{report.Warnings.Count} warning(s):[/]");
            foreach (var warning in report.Warnings) context.Out.MarkupLineInterpolated($"  [yellow]{warning}[/]");
        }
    }

    /// <summary>A summary table lists at most this many lines (a generated collection has thousands of sections).</summary>
    private const int MaxTableRows = 60;

    private sealed class InlineProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
