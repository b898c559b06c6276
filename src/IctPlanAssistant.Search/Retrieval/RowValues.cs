using IctPlanAssistant.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>The doc values of one matching row: enough for facets, sums and ordering without loading the row.</summary>
internal readonly record struct RowValues(int Doc, long Budget, int Section, string Department, long Order)
{
    public bool HasBudget => Budget != RowDocument.NoBudget;
}

/// <summary>Collects <see cref="RowValues"/> of every matching document.</summary>
internal sealed class RowValuesCollector : ICollector
{
    private NumericDocValues? _budget, _section, _order;
    private SortedDocValues? _department;
    private int _docBase;

    public List<RowValues> Values { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _budget = reader.GetNumericDocValues(PlanFields.BudgetValue);
        _section = reader.GetNumericDocValues(PlanFields.SectionValue);
        _order = reader.GetNumericDocValues(PlanFields.Order);
        _department = reader.GetSortedDocValues(PlanFields.DepartmentValue);
    }

    public void Collect(int doc)
    {
        var department = new BytesRef();
        _department?.Get(doc, department);
        Values.Add(new RowValues(
            _docBase + doc,
            _budget?.Get(doc) ?? RowDocument.NoBudget,
            (int)(_section?.Get(doc) ?? 0),
            department.Utf8ToString(),
            _order?.Get(doc) ?? doc));
    }

    /// <summary>The values of the given documents (sorted global doc ids).</summary>
    public static List<RowValues> For(IndexSearcher searcher, IReadOnlyList<int> sortedDocs)
    {
        var collector = new RowValuesCollector();
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        foreach (var doc in sortedDocs)
        {
            var index = ReaderUtil.SubIndex(doc, leaves);
            if (index != leaf)
            {
                leaf = index;
                collector.SetNextReader(leaves[leaf]);
            }
            collector.Collect(doc - leaves[leaf].DocBase);
        }
        return collector.Values;
    }
}
