using System.Globalization;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Serialization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Index;

/// <summary>Maps a <see cref="PlanRow"/> to its Lucene document and back.</summary>
public static class RowDocument
{
    /// <summary>Doc value of a row with no budget: sorts below every real budget.</summary>
    public const long NoBudget = long.MinValue;

    public static Document Create(PlanRow row)
    {
        var body = BodyText(row);
        var doc = new Document
        {
            new StringField(PlanFields.Id, row.Id.ToString(), Field.Store.YES),
            new StringField(PlanFields.Plan, row.Plan ?? "", Field.Store.NO),
            new SortedDocValuesField(PlanFields.PlanValue, new BytesRef(row.Plan ?? "")),
            new StringField(PlanFields.Section, row.Section.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(PlanFields.SectionValue, row.Section),
            new StringField(PlanFields.Department, row.Department, Field.Store.NO),
            new SortedDocValuesField(PlanFields.DepartmentValue, new BytesRef(row.Department)),
            new StringField(PlanFields.IsNew, row.IsNew ? "1" : "0", Field.Store.NO),
            new StringField(PlanFields.HasBudget, row.BudgetThousandYen is null ? "0" : "1", Field.Store.NO),
            new NumericDocValuesField(PlanFields.BudgetValue, row.BudgetThousandYen ?? NoBudget),
            new TextField(PlanFields.NameText, row.Name, Field.Store.NO),
            new TextField(PlanFields.BodyText, body, Field.Store.NO),
            new TextField(PlanFields.NameBigram, row.Name, Field.Store.NO),
            new TextField(PlanFields.BodyBigram, body, Field.Store.NO),
            new TextField(PlanFields.NameReading, row.Name, Field.Store.NO),
            new TextField(PlanFields.BodyReading, body, Field.Store.NO),
            new StoredField(PlanFields.Row, PlanJson.Serialize(row)),
        };
        if (row.BudgetThousandYen is { } budget) doc.Add(new Int64Field(PlanFields.Budget, budget, Field.Store.NO));
        foreach (var division in row.Divisions) doc.Add(new StringField(PlanFields.Division, division, Field.Store.NO));
        var status = AchievementClassifier.Classify(row.Achievement, row.Results);
        foreach (var flag in Enum.GetValues<AchievementStatus>().Where(f => f != 0 && status.HasFlag(f)))
            doc.Add(new StringField(PlanFields.Achievement, flag.ToString(), Field.Store.NO));
        return doc;
    }

    /// <summary>The row stored in a document.</summary>
    public static PlanRow Read(Document doc) =>
        PlanJson.Deserialize<PlanRow>(doc.Get(PlanFields.Row))
        ?? throw new InvalidDataException($"document {doc.Get(PlanFields.Id)} has no stored row");

    /// <summary>Everything a row says except its name: the body field and its bigram companion.</summary>
    public static string BodyText(PlanRow row) =>
        string.Join('\n', row.Summary, row.Results, row.Achievement, string.Join('\n', row.Divisions), row.Department, row.SectionTitle);
}
