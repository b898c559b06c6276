using IctPlanAssistant.Ingestion;

namespace IctPlanAssistant.Core.Tests.Ingestion;

/// <summary>Small plan documents written in the tests: the 2017 header and rows of nine tab-separated cells.</summary>
internal static class SmallPlan
{
    public const string Header =
        "整理番号\t新規\t施策（事業）名称\t取組概要\t平成29年度 事業費（千円） ※当初予算\t目標の達成度*\tH29年度の取組 実績・成果等\t部局等名\t担当課";

    public static string Row(
        int number,
        string name,
        string budget = "1,000",
        string isNew = "",
        string summary = "概要を記載する。",
        string achievement = "計画どおり実施",
        string results = "実施した。",
        string department = "企画調整部",
        string divisions = "情報政策課") =>
        string.Join('\t', number.ToString(System.Globalization.CultureInfo.InvariantCulture), isNew, name, summary, budget, achievement, results, department, divisions);

    /// <summary>Joins lines with LF and a final newline.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static PlanDocument Parse(string text, string source = "plan.txt") => new PlanDocumentParser().Parse(text, source);

    public static PlanFormatException ParseFails(string text, string source = "plan.txt") =>
        Assert.Throws<PlanFormatException>(() => new PlanDocumentParser().Parse(text, source));
}
