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
    private RowValueTable(long[] budget, int[] section, int[] department, string[] departmentNames, long[] order, IBits? liveDocs)
    {
        Budget = budget;
        Section = section;
        Department = department;
        DepartmentNames = departmentNames;
        Order = order;
        LiveDocs = liveDocs;
    }

    /// <summary>Budget in thousand yen; <see cref="RowDocument.NoBudget"/> when the row has none.</summary>
    public long[] Budget { get; }

    public int[] Section { get; }

    /// <summary>An index into <see cref="DepartmentNames"/>.</summary>
    public int[] Department { get; }

    public string[] DepartmentNames { get; }

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
        var section = new int[maxDoc];
        var department = new int[maxDoc];
        var order = new long[maxDoc];
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var budgets = atomic.GetNumericDocValues(PlanFields.BudgetValue);
            var sections = atomic.GetNumericDocValues(PlanFields.SectionValue);
            var orders = atomic.GetNumericDocValues(PlanFields.Order);
            var departments = atomic.GetSortedDocValues(PlanFields.DepartmentValue);
            // Segment ordinals to table-wide ones, one string per distinct department.
            var ordinals = new int[departments?.ValueCount ?? 0];
            for (var o = 0; o < ordinals.Length; o++)
            {
                departments!.LookupOrd(o, bytes);
                var name = bytes.Utf8ToString();
                if (!names.TryGetValue(name, out var global)) names[name] = global = names.Count;
                ordinals[o] = global;
            }
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                var g = leaf.DocBase + doc;
                budget[g] = budgets?.Get(doc) ?? RowDocument.NoBudget;
                section[g] = (int)(sections?.Get(doc) ?? 0);
                order[g] = orders?.Get(doc) ?? g;
                var ord = departments?.GetOrd(doc) ?? -1;
                department[g] = ord >= 0 ? ordinals[ord] : -1;
            }
        }
        return new RowValueTable(budget, section, department, names.OrderBy(n => n.Value).Select(n => n.Key).ToArray(), order, MultiFields.GetLiveDocs(reader));
    }
}
