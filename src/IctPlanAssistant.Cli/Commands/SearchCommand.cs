using System.CommandLine;
using System.Globalization;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary>
/// <c>ictplan search [QUERY] [--top K] [--json]</c> with the staff search's filters: ranked rows, as a table or as row
/// JSON. The same search as <c>GET /api/search</c>: the same conditions give the same rows.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY") { Description = "Words or a question, in Japanese or English", Arity = ArgumentArity.ZeroOrOne };
        var top = new Option<int>("--top") { Description = "How many rows to show", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of row objects" };
        var explain = new Option<bool>("--explain") { Description = "Show each row's score and coverage (the share of the question's words it matches)" };
        var department = new Option<string?>("--department") { Description = "Only rows of this department (部局等名, as printed)" };
        var section = new Option<int?>("--section") { Description = "Only rows of this section (柱) number" };
        var isNew = new Option<bool?>("--new") { Description = "true: only new rows (新規); false: only continuing ones" };
        var minBudget = new Option<long?>("--min-budget") { Description = "Only rows with a budget of at least this many thousand yen" };
        var maxBudget = new Option<long?>("--max-budget") { Description = "Only rows with a budget of at most this many thousand yen" };
        var achievement = new Option<string?>("--achievement") { Description = $"Only rows whose goal achievement is {SearchParameters.AchievementNames}" };
        var sort = new Option<string?>("--sort") { Description = $"The order: {SearchParameters.SortNames} (default relevance)" };
        var plan = new Option<string?>("--plan") { Description = "Only rows of this plan (an index of several plans)" };
        var command = new Command("search", "Search the plan's rows.") { query, top, json, explain, department, section, isNew, minBudget, maxBudget, achievement, sort, plan };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            return context.Run(() =>
            {
                if (parse.GetValue(top) <= 0) return context.Fail("--top must be a positive number", ExitCodes.Usage);
                if (!SearchParameters.TryParseSort(parse.GetValue(sort), out var order)) return context.Fail($"--sort must be {SearchParameters.SortNames}", ExitCodes.Usage);
                if (!SearchParameters.TryParseAchievement(parse.GetValue(achievement), out var status)) return context.Fail($"--achievement must be {SearchParameters.AchievementNames}", ExitCodes.Usage);
                var (min, max) = (parse.GetValue(minBudget), parse.GetValue(maxBudget));
                if (min < 0 || max < 0 || min > max) return context.Fail("--min-budget and --max-budget must be non-negative, min ≤ max", ExitCodes.Usage);
                var request = new SearchRequest(parse.GetValue(query) ?? "")
                {
                    Top = parse.GetValue(top),
                    Sort = order,
                    Highlight = !parse.GetValue(json),
                    Filters = new SearchFilters
                    {
                        Departments = parse.GetValue(department) is { Length: > 0 } d ? [d] : [],
                        Sections = parse.GetValue(section) is { } s ? [s] : [],
                        IsNew = parse.GetValue(isNew),
                        Budget = min is not null || max is not null ? new BudgetRange(min, max is { } m and < long.MaxValue ? m + 1 : null) : null,
                        Achievement = status,
                        Plan = parse.GetValue(plan),
                    },
                };
                return Execute(context, request, parse.GetValue(json), parse.GetValue(explain));
            });
        });
        return command;
    }

    private static int Execute(CliContext context, SearchRequest request, bool json, bool explain)
    {
        using var services = context.CreateServices();
        var result = services.GetRequiredService<PlanSearch>().Search(request);
        if (json)
        {
            Console.Out.WriteLine(PlanJson.Serialize(result.Rows.Select(r => r.Row), indented: true));
            return ExitCodes.Success;
        }
        context.Error.MarkupLineInterpolated($"[grey]{InterpretationText.Describe(result.Interpretation)}[/]");
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
