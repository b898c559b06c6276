using System.CommandLine;
using System.Globalization;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan search QUERY [--top K] [--json]</c>: ranked rows, as a table or as row JSON.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "Words or a question, in Japanese or English" };
        var top = new Option<int>("--top") { Description = "How many rows to show", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of row objects" };
        var explain = new Option<bool>("--explain") { Description = "Show each row's score and coverage (the share of the question's words it matches)" };
        var command = new Command("search", "Search the plan's rows.") { query, top, json, explain };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            return context.Run(() => Execute(context, parse.GetValue(query) ?? "", parse.GetValue(top), parse.GetValue(json), parse.GetValue(explain)));
        });
        return command;
    }

    private static int Execute(CliContext context, string text, int top, bool json, bool explain)
    {
        if (top <= 0) return context.Fail("--top must be a positive number", ExitCodes.Usage);
        using var services = context.CreateServices();
        var interpretation = services.GetRequiredService<QueryInterpreter>().Interpret(text);
        var result = services.GetRequiredService<PlanRetriever>().Retrieve(interpretation, RetrievalOptions.Default with { Top = top });
        if (json)
        {
            Console.Out.WriteLine(PlanJson.Serialize(result.Rows.Select(r => r.Row), indented: true));
            return ExitCodes.Success;
        }
        context.Error.MarkupLineInterpolated($"[grey]{InterpretationText.Describe(interpretation)}[/]");
        if (result.IsEmpty)
        {
            context.Out.WriteLine("No matching rows.");
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("#", "Id", "Name", "Department", "Budget", "Match");
        if (explain) table.AddColumns("Score", "Coverage");
        var rank = 0;
        foreach (var hit in result.Rows)
        {
            var snippet = hit.Snippets.FirstOrDefault();
            var cells = new List<string>
            {
                (++rank).ToString(CultureInfo.InvariantCulture),
                hit.Row.Id.ToString(),
                Markup.Escape(hit.Row.Name),
                Markup.Escape(hit.Row.Department),
                Markup.Escape(hit.Row.BudgetThousandYen is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : hit.Row.BudgetText),
                snippet is null ? "" : snippet.Render(Markup.Escape, "[bold yellow]", "[/]"),
            };
            if (explain) cells.AddRange([hit.Score.ToString("0.000", CultureInfo.InvariantCulture), hit.Coverage.ToString("0.00", CultureInfo.InvariantCulture)]);
            table.AddRow(cells.ToArray());
        }
        context.Out.Write(table);
        context.Out.MarkupLineInterpolated($"{result.Total} matching row(s); showing {result.Rows.Count}.");
        return ExitCodes.Success;
    }
}
