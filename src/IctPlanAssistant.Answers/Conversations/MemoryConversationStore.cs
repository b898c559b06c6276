using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// Conversations in process memory: bounded in number (least recently used dropped first) and in turns, and
/// forgotten after the configured idle time. For one host; several hosts share a Redis store instead.
/// </summary>
public sealed class MemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider? clock = null) : IConversationStore
{
    private readonly ConversationOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, Entry> _entries = [];
    private readonly LinkedList<string> _recency = [];
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var entry)) return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            if (_clock.GetUtcNow() - entry.LastUsed > _options.Expiry)
            {
                Remove(conversationId, entry);
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }
            return Task.FromResult<IReadOnlyList<ConversationTurn>>(entry.Turns.ToArray());
        }
    }

    public Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var entry))
            {
                entry = new Entry(_recency.AddFirst(conversationId));
                _entries[conversationId] = entry;
                while (_entries.Count > _options.MaxConversations && _recency.Last is { } oldest)
                    Remove(oldest.Value, _entries[oldest.Value]);
            }
            else
            {
                _recency.Remove(entry.Node);
                _recency.AddFirst(entry.Node);
            }
            entry.Turns.Add(turn);
            if (entry.Turns.Count > _options.MaxTurns) entry.Turns.RemoveRange(0, entry.Turns.Count - _options.MaxTurns);
            entry.LastUsed = _clock.GetUtcNow();
        }
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(conversationId, out var entry)) Remove(conversationId, entry);
        }
        return Task.CompletedTask;
    }

    private void Remove(string id, Entry entry)
    {
        _entries.Remove(id);
        _recency.Remove(entry.Node);
    }

    private sealed class Entry(LinkedListNode<string> node)
    {
        public LinkedListNode<string> Node { get; } = node;
        public List<ConversationTurn> Turns { get; } = [];
        public DateTimeOffset LastUsed { get; set; }
    }
}
