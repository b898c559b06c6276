namespace IctPlanAssistant.Answers;

/// <summary>
/// The answers of first turns (no history), by question, plan and index generation, least recently used first out.
/// The same question asked again by anyone gets the same grounded answer without reading, retrieving and composing
/// it again; a new index generation makes every old entry unreachable (it ages out). A fallback answer, made
/// because the model failed, is not kept: the model may answer next time.
/// </summary>
public sealed class AnswerCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, Answer Answer)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Answer Answer)> _recency = new();
    private readonly System.Threading.Lock _gate = new();

    public int Capacity { get; } = Math.Max(0, capacity);

    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    public static string KeyOf(string question, string? plan, string generation) => $"{generation}\n{plan}\n{question}";

    public bool TryGet(string key, out Answer answer)
    {
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
        if (Capacity == 0 || answer.Source == AnswerSource.Fallback) return;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing)) _recency.Remove(existing);
            else if (_entries.Count >= Capacity)
            {
                _entries.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
            _entries[key] = _recency.AddFirst((key, answer with { ConversationId = null }));
        }
    }
}
