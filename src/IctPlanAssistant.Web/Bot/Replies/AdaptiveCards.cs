using System.Text.Json.Nodes;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>
/// The Adaptive Cards the bot sends, written as JSON (schema 1.5, the highest Teams renders): the rows an answer
/// cites, and one row in full. Each row has an <c>Action.Execute</c> (verb <see cref="ShowRowVerb"/>) that Teams
/// answers with an <c>adaptiveCard/action</c> invoke, falling back to <c>Action.Submit</c> where Execute is unknown.
/// </summary>
public static class AdaptiveCards
{
    public const string Version = "1.5";
    public const string ShowRowVerb = "showRow";

    /// <summary>Longest text of one field of a row card: a row's results can run long, and Teams caps a message at about 28 KB.</summary>
    public const int MaxFieldLength = 1500;

    /// <summary>The rows an answer cites.</summary>
    public static JsonObject CitedRows(IReadOnlyList<PlanRow> rows, BotTexts texts, WebLinks links, string question, int maxRows) =>
        Rows([TextBlock(texts.CitedRowsHeading, weight: "Bolder", size: "Medium")], rows, texts, links, question, maxRows);

    /// <summary>The rows ranked after an answer that found none: they match part of the question, and are said not to be its sources.</summary>
    public static JsonObject RelatedRows(IReadOnlyList<PlanRow> rows, BotTexts texts, WebLinks links, string question, int maxRows) =>
        Rows([TextBlock(texts.RelatedRowsHeading, weight: "Bolder", size: "Medium"), TextBlock(texts.RelatedRowsNote, subtle: true, size: "Small")],
            rows, texts, links, question, maxRows);

    private static JsonObject Rows(JsonNode[] heading, IReadOnlyList<PlanRow> rows, BotTexts texts, WebLinks links, string question, int maxRows)
    {
        var body = new JsonArray(heading);
        foreach (var row in rows.Take(maxRows))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray
                {
                    TextBlock(ReplyText.OneLine($"[{row.Id}] {row.Name}"), weight: "Bolder"),
                    TextBlock($"{texts.Department}: {row.Department}　{texts.Budget}: {texts.FormatBudget(row)}", subtle: true, size: "Small"),
                    new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { ShowRowAction(row.Id, texts) } },
                },
            });
        }
        if (rows.Count > maxRows)
            body.Add(TextBlock(texts.MoreRowsOnWeb(rows.Count - maxRows), subtle: true));
        return Card(body, new JsonArray { OpenUrl(texts.OpenOnWeb, links.Search(question)) });
    }

    public static JsonObject FullRow(PlanRow row, BotTexts texts, WebLinks links)
    {
        var facts = new JsonArray
        {
            Fact(texts.Section, $"{row.Section}. {row.SectionTitle}"),
            Fact(texts.Department, row.Department),
        };
        if (row.Divisions.Count > 0) facts.Add(Fact(texts.Divisions, string.Join("、", row.Divisions)));
        facts.Add(Fact(texts.Budget, texts.FormatBudget(row)));
        if (row.IsNew) facts.Add(Fact(texts.NewProject, "○"));
        if (!string.IsNullOrWhiteSpace(row.Achievement)) facts.Add(Fact(texts.Achievement, ReplyText.Truncate(row.Achievement, 200)));

        var body = new JsonArray
        {
            TextBlock(ReplyText.OneLine($"[{row.Id}] {row.Name}"), weight: "Bolder", size: "Medium"),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        AddSection(body, texts.Summary, row.Summary);
        AddSection(body, texts.Results, row.Results);
        return Card(body, new JsonArray { OpenUrl(texts.OpenOnWeb, links.Row(row.Id)) });
    }

    private static void AddSection(JsonArray body, string heading, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        body.Add(TextBlock(heading, weight: "Bolder", separator: true));
        body.Add(TextBlock(ReplyText.Truncate(text, MaxFieldLength)));
    }

    private static JsonObject Card(JsonArray body, JsonArray actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["body"] = body,
        ["actions"] = actions,
        // Teams: use the width of the conversation rather than a narrow bubble.
        ["msteams"] = new JsonObject { ["width"] = "Full" },
    };

    private static JsonObject ShowRowAction(RowId id, BotTexts texts) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = texts.ShowFullRow,
        ["verb"] = ShowRowVerb,
        ["data"] = new JsonObject { ["rowId"] = id.ToString() },
        ["fallback"] = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = texts.ShowFullRow,
            ["data"] = new JsonObject { ["verb"] = ShowRowVerb, ["rowId"] = id.ToString() },
        },
    };

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (subtle) block["isSubtle"] = true;
        if (separator) block["separator"] = true;
        return block;
    }
}
