using System.Text.Json.Nodes;

namespace IctPlanAssistant.Answers.Tests.Support;

/// <summary>Model replies written from what the request gave the model, as a well-behaved model would write them.</summary>
public static class ScriptedReplies
{
    public static string Id(JsonObject row) => row["id"]!.GetValue<string>();

    public static string Budget(JsonObject row) => row["budget"]!.GetValue<string>();

    public static bool HasBudget(JsonObject row) => Budget(row).EndsWith("千円", StringComparison.Ordinal);

    /// <summary>The first given row that has a budget figure.</summary>
    public static JsonObject FirstWithBudget(ChatRequest request) => request.Rows.First(HasBudget);

    /// <summary>"NAME の事業費は BUDGET です [ID]。" for the first row with a budget.</summary>
    public static string CitingFirstBudget(ChatRequest request)
    {
        var row = FirstWithBudget(request);
        return $"{row["name"]!.GetValue<string>()}の事業費は{Budget(row)}です [{Id(row)}]。";
    }
}
