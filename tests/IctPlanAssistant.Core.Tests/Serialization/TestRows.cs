namespace IctPlanAssistant.Core.Tests.Serialization;

internal static class TestRows
{
    public static PlanRow Sample(
        string name = "避難者見守り活動支援事業",
        long? budget = 1943682,
        string summary = "タブレット端末を活用した情報共有を行う。",
        string results = "相談活動を実施した。",
        IReadOnlyList<string>? divisions = null,
        string? plan = null) =>
        new(
            Plan: plan,
            Section: 1,
            SectionTitle: "復興への取組",
            Number: 2,
            IsNew: false,
            Name: name,
            Summary: summary,
            BudgetThousandYen: budget,
            BudgetText: budget is null ? "—" : budget.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Achievement: "計画どおり実施",
            Results: results,
            Department: "保健福祉部",
            Divisions: divisions ?? ["社会福祉課"],
            Source: "fukushima-ict-action-plan-2017.txt",
            Line: 17);
}
