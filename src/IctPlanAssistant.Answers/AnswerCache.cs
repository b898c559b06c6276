namespace IctPlanAssistant.Answers;

/// <summary>
/// The answers of first turns (no history), by question, plan, answer style and index generation, least recently used first out,
/// bounded in number and in bytes (a sum over thousands of rows makes an answer of hundreds of KB). The same question
/// asked again by anyone gets the same grounded answer without reading, retrieving and composing it again; a new
/// index generation makes every old entry unreachable (it ages out). A fallback answer, made because the model
/// failed, is not kept: the model may answer next time.
/// </summary>
public sealed class AnswerCache(int capacity, long maxBytes = AnswerCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private readonly Dictionary<string, LinkedListNode<(string Key, Answer Answer, long Bytes)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Answer Answer, long Bytes)> _recency = new();
    private readonly System.Threading.Lock _gate = new();
    private long _bytes;

    public int Capacity { get; } = Math.Max(0, capacity);

    public long MaxBytes { get; } = Math.Max(0, maxBytes);

    /// <summary>The bytes of the answers kept, as the bound counts them.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    public static string KeyOf(string question, string? plan, string generation, Composition.AnswerStyle style = Composition.AnswerStyle.Standard) =>
        $"{generation}\n{plan}\n{style}\n{question}";

    public bool TryGet(string key, out Answer answer)
    {
        // Off (size 0): every uncached request would otherwise take the lock only to find the table empty.
        if (Capacity == 0)
        {
            answer = null!;
            return false;
        }
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                answer = node.Value.Answer;
                return true;
            }
        }
        answer = null!;
        return false;
    }

    public void Add(string key, Answer answer)
    {
        var bytes = SizeOf(key, answer);
        if (Capacity == 0 || answer.Source == AnswerSource.Fallback || bytes > MaxBytes) return;
        lock (_gate)
        {
            if (_entries.Remove(key, out var existing)) Remove(existing);
            while (_recency.Last is { } oldest && (_entries.Count >= Capacity || _bytes + bytes > MaxBytes))
            {
                _entries.Remove(oldest.Value.Key);
                Remove(oldest);
            }
            _entries[key] = _recency.AddFirst((key, answer with { ConversationId = null }, bytes));
            _bytes += bytes;
        }
    }

    private void Remove(LinkedListNode<(string Key, Answer Answer, long Bytes)> node)
    {
        _recency.Remove(node);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>
    /// What an answer keeps alive, estimated: its texts (UTF-16) with the rendered HTML a web host keeps beside the
    /// text (about as large again), its ids, and the cited rows' texts (rows of an older generation stay alive here).
    /// </summary>
    internal static long SizeOf(string key, Answer answer)
    {
        long chars = key.Length + answer.Question.Length + 2L * answer.Text.Length + (answer.Notice?.Length ?? 0) + answer.FollowUps.Sum(f => (long)f.Length) + answer.NearestWords.Sum(w => (long)w.Length);
        foreach (var row in answer.CitedRows)
            chars += row.Name.Length + row.Summary.Length + row.Achievement.Length + row.Results.Length + row.Department.Length + row.BudgetText.Length + 64;
        long ids = answer.Citations.Count + answer.Retrieved.Count + answer.Given.Count;
        return 2 * chars + 32 * ids + 1024;
    }
}
