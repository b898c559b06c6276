using System.Globalization;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Serialization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Maps a <see cref="PlanRow"/> to its Lucene document and back. An instance is one thread's document, filled anew for
/// each row it indexes: Lucene keeps a token stream inside each field object, so fields reused from row to row keep
/// theirs, where new fields would make new token streams for every row (their attributes are created under a lock
/// that the indexing threads contend for).
/// </summary>
public sealed class RowDocument
{
    /// <summary>Doc value of a row with no budget: sorts below every real budget.</summary>
    public const long NoBudget = long.MinValue;

    /// <summary>Doc value of a row that states no target with a result against it: sorts below every real rate.</summary>
    public const long NoRate = long.MinValue;

    /// <summary>A rate is kept as ten-thousandths (0.3077 → 3077).</summary>
    public const double RateScale = 10_000;

    private static readonly AchievementStatus[] AchievementFlags = Enum.GetValues<AchievementStatus>().Where(f => f != 0).ToArray();

    private readonly Document _document = [];
    private readonly StringField _id = new(PlanFields.Id, "", Field.Store.YES);
    private readonly StringField _plan = new(PlanFields.Plan, "", Field.Store.NO);
    private readonly SortedDocValuesField _planValue = new(PlanFields.PlanValue, new BytesRef());
    private readonly StringField _section = new(PlanFields.Section, "", Field.Store.NO);
    private readonly NumericDocValuesField _sectionValue = new(PlanFields.SectionValue, 0);
    private readonly StringField _department = new(PlanFields.Department, "", Field.Store.NO);
    private readonly SortedDocValuesField _departmentValue = new(PlanFields.DepartmentValue, new BytesRef());
    private readonly StringField _isNew = new(PlanFields.IsNew, "", Field.Store.NO);
    private readonly StringField _hasBudget = new(PlanFields.HasBudget, "", Field.Store.NO);
    private readonly NumericDocValuesField _budgetValue = new(PlanFields.BudgetValue, 0);
    private readonly TextField _nameText = new(PlanFields.NameText, "", Field.Store.NO);
    private readonly TextField _bodyText = new(PlanFields.BodyText, "", Field.Store.NO);
    private readonly TextField _nameBigram = new(PlanFields.NameBigram, "", Field.Store.NO);
    private readonly TextField _bodyBigram = new(PlanFields.BodyBigram, "", Field.Store.NO);
    private readonly TextField _nameReading = new(PlanFields.NameReading, "", Field.Store.NO);
    private readonly TextField _bodyReading = new(PlanFields.BodyReading, "", Field.Store.NO);
    private readonly StoredField _row = new(PlanFields.Row, "");
    private readonly NumericDocValuesField _order = new(PlanFields.Order, 0);
    private readonly NumericDocValuesField _achievementRate = new(PlanFields.AchievementRateValue, 0);
    private readonly Int64Field _budget = new(PlanFields.Budget, 0, Field.Store.NO);
    private readonly List<StringField> _divisions = [];
    private readonly Dictionary<AchievementStatus, StringField> _achievements =
        AchievementFlags.ToDictionary(f => f, f => new StringField(PlanFields.Achievement, f.ToString(), Field.Store.NO));

    /// <summary>
    /// This thread's document, filled with <paramref name="row"/>; valid until the next call. <paramref name="order"/>
    /// places the row in id order for export, whatever the segment it lands in.
    /// </summary>
    public Document Fill(PlanRow row, long order)
    {
        var body = BodyText(row);
        _id.SetStringValue(row.Id.ToString());
        _plan.SetStringValue(row.Plan ?? "");
        _planValue.SetBytesValue(new BytesRef(row.Plan ?? ""));
        _section.SetStringValue(row.Section.ToString(CultureInfo.InvariantCulture));
        _sectionValue.SetInt64Value(row.Section);
        _department.SetStringValue(row.Department);
        _departmentValue.SetBytesValue(new BytesRef(row.Department));
        _isNew.SetStringValue(row.IsNew ? "1" : "0");
        _hasBudget.SetStringValue(row.BudgetThousandYen is null ? "0" : "1");
        _budgetValue.SetInt64Value(row.BudgetThousandYen ?? NoBudget);
        _nameText.SetStringValue(row.Name);
        _bodyText.SetStringValue(body);
        _nameBigram.SetStringValue(row.Name);
        _bodyBigram.SetStringValue(body);
        _nameReading.SetStringValue(row.Name);
        _bodyReading.SetStringValue(body);
        _row.SetStringValue(PlanJson.Serialize(row));
        _order.SetInt64Value(order);

        // The fields in the order the index has always had them.
        _document.Fields.Clear();
        _document.Add(_id);
        _document.Add(_plan);
        _document.Add(_planValue);
        _document.Add(_section);
        _document.Add(_sectionValue);
        _document.Add(_department);
        _document.Add(_departmentValue);
        _document.Add(_isNew);
        _document.Add(_hasBudget);
        _document.Add(_budgetValue);
        _document.Add(_nameText);
        _document.Add(_bodyText);
        _document.Add(_nameBigram);
        _document.Add(_bodyBigram);
        _document.Add(_nameReading);
        _document.Add(_bodyReading);
        _document.Add(_row);
        if (row.BudgetThousandYen is { } budget)
        {
            _budget.SetInt64Value(budget);
            _document.Add(_budget);
        }
        for (var i = 0; i < row.Divisions.Count; i++)
        {
            if (i == _divisions.Count) _divisions.Add(new StringField(PlanFields.Division, "", Field.Store.NO));
            _divisions[i].SetStringValue(row.Divisions[i]);
            _document.Add(_divisions[i]);
        }
        var status = AchievementClassifier.Classify(row.Achievement, row.Results);
        foreach (var flag in AchievementFlags.Where(f => status.HasFlag(f))) _document.Add(_achievements[flag]);
        _document.Add(_order);
        _achievementRate.SetInt64Value(AchievementClassifier.Rate(row.Achievement) is { } rate ? (long)Math.Round(rate * RateScale) : NoRate);
        _document.Add(_achievementRate);
        return _document;
    }

    /// <summary>The row stored in a document.</summary>
    public static PlanRow Read(Document doc) =>
        PlanJson.Deserialize<PlanRow>(doc.Get(PlanFields.Row))
        ?? throw new InvalidDataException($"document {doc.Get(PlanFields.Id)} has no stored row");

    /// <summary>Everything a row says except its name: the body field and its bigram companion.</summary>
    public static string BodyText(PlanRow row) =>
        string.Join('\n', row.Summary, row.Results, row.Achievement, string.Join('\n', row.Divisions), row.Department, row.SectionTitle);
}
