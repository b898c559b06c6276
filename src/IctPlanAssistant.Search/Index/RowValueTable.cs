using Lucene.Net.Index;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// The doc values of every row of a snapshot in flat arrays by global doc id (budget, section, department, id
/// order), read once: facets, sums, extremes and ordering then cost a few array reads per row, which keeps a
/// question over a million rows in milliseconds.
/// </summary>
public sealed class RowValueTable
{
    private RowValueTable(long[] budget, long[] achievementRate, int[] section, int[] department, string[] departmentNames, int[] plan, string[] planNames, long[] order, IBits? liveDocs)
    {
        Budget = budget;
        AchievementRate = achievementRate;
        Section = section;
        Department = department;
        DepartmentNames = departmentNames;
        Plan = plan;
        PlanNames = planNames;
        Order = order;
        LiveDocs = liveDocs;
    }

    /// <summary>Budget in thousand yen; <see cref="RowDocument.NoBudget"/> when the row has none.</summary>
    public long[] Budget { get; }

    /// <summary>How much of its stated targets the row reached, in ten-thousandths; <see cref="RowDocument.NoRate"/> when it states none.</summary>
    public long[] AchievementRate { get; }

    public int[] Section { get; }

    /// <summary>An index into <see cref="DepartmentNames"/>.</summary>
    public int[] Department { get; }

    public string[] DepartmentNames { get; }

    /// <summary>An index into <see cref="PlanNames"/>; -1 for a row of a one-plan index (no plan key).</summary>
    public int[] Plan { get; }

    public string[] PlanNames { get; }

    /// <summary>The row's place in id order (plan, section, number).</summary>
    public long[] Order { get; }

    /// <summary>Deleted documents are not rows (null: none deleted).</summary>
    public IBits? LiveDocs { get; }

    public int MaxDoc => Budget.Length;

    public bool IsLive(int doc) => LiveDocs is null || LiveDocs.Get(doc);

    public static RowValueTable Read(IndexReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var budget = new long[maxDoc];
        var achievementRate = new long[maxDoc];
        var section = new int[maxDoc];
        var department = new int[maxDoc];
        var plan = new int[maxDoc];
        var order = new long[maxDoc];
        var departmentNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var planNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var budgets = atomic.GetNumericDocValues(PlanFields.BudgetValue);
            var rates = atomic.GetNumericDocValues(PlanFields.AchievementRateValue);
            var sections = atomic.GetNumericDocValues(PlanFields.SectionValue);
            var orders = atomic.GetNumericDocValues(PlanFields.Order);
            var departments = atomic.GetSortedDocValues(PlanFields.DepartmentValue);
            var plans = atomic.GetSortedDocValues(PlanFields.PlanValue);
            var departmentOrdinals = TableOrdinals(departments, departmentNames);
            var planOrdinals = TableOrdinals(plans, planNames);
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                var g = leaf.DocBase + doc;
                budget[g] = budgets?.Get(doc) ?? RowDocument.NoBudget;
                achievementRate[g] = rates?.Get(doc) ?? RowDocument.NoRate;
                section[g] = (int)(sections?.Get(doc) ?? 0);
                order[g] = orders?.Get(doc) ?? g;
                var ord = departments?.GetOrd(doc) ?? -1;
                department[g] = ord >= 0 ? departmentOrdinals[ord] : -1;
                ord = plans?.GetOrd(doc) ?? -1;
                plan[g] = ord >= 0 ? planOrdinals[ord] : -1;
            }
        }
        return new RowValueTable(budget, achievementRate, section, department, Names(departmentNames), plan, Names(planNames), order, MultiFields.GetLiveDocs(reader));
    }

    /// <summary>A segment's ordinals as table-wide ones, one string per distinct value; the empty value (no plan key) is -1.</summary>
    private static int[] TableOrdinals(SortedDocValues? values, Dictionary<string, int> names)
    {
        var ordinals = new int[values?.ValueCount ?? 0];
        var bytes = new BytesRef();
        for (var o = 0; o < ordinals.Length; o++)
        {
            values!.LookupOrd(o, bytes);
            var name = bytes.Utf8ToString();
            if (name.Length == 0)
            {
                ordinals[o] = -1;
                continue;
            }
            if (!names.TryGetValue(name, out var global)) names[name] = global = names.Count;
            ordinals[o] = global;
        }
        return ordinals;
    }

    private static string[] Names(Dictionary<string, int> names) => names.OrderBy(n => n.Value).Select(n => n.Key).ToArray();
}
