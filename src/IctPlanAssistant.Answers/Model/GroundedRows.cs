using System.Collections.Concurrent;

namespace IctPlanAssistant.Answers.Model;

/// <summary>
/// The rows a model was given in one turn: those in its prompt and those its function calls returned. An answer
/// may cite these and no others.
/// </summary>
public sealed class GroundedRows
{
    private readonly ConcurrentDictionary<RowId, PlanRow> _rows = new();

    public GroundedRows(IEnumerable<PlanRow> rows)
    {
        Add(rows);
    }

    public void Add(IEnumerable<PlanRow> rows)
    {
        foreach (var row in rows) _rows.TryAdd(row.Id, row);
    }

    public bool Contains(RowId id) => _rows.ContainsKey(id);

    public PlanRow this[RowId id] => _rows[id];

    public int Count => _rows.Count;

    public IReadOnlyList<RowId> Ids => _rows.Keys.ToList();
}
