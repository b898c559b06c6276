using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// Conversations in process memory, each turn kept in its stored form (<see cref="StoredTurn"/>): bounded in bytes
/// (<see cref="ConversationOptions.MaxBytes"/> in all, <see cref="ConversationOptions.MaxTurnBytes"/> a turn), in
/// turns and in number, least recently used dropped first; a conversation idle past the expiry is forgotten, also
/// when nobody reads it again. For one host; several hosts share a Redis store instead.
/// </summary>
public sealed class MemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider? clock = null) : IConversationStore
{
    /// <summary>What a conversation costs besides its turns: the key, the entry, the list node (an estimate).</summary>
    private const int EntryOverhead = 256;

    private readonly ConversationOptions _options = options.Value;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Dictionary<string, Entry> _entries = [];
    private readonly LinkedList<Entry> _recency = [];
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>The bytes the kept conversations take, as the bound counts them.</summary>
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

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        byte[][] stored;
        lock (_gate)
        {
            RemoveExpired();
            if (!_entries.TryGetValue(ConversationIds.StoreKey(conversationId), out var entry)) return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            stored = [.. entry.Turns];
        }
        return Task.FromResult<IReadOnlyList<ConversationTurn>>(stored.Select(t => StoredTurn.Decode(t)).OfType<ConversationTurn>().ToList());
    }

    public Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var stored = StoredTurn.Encode(turn, _options.MaxTurnBytes);
        var key = ConversationIds.StoreKey(conversationId);
        // Made before the lock, used only when the conversation is new: an allocation under the lock can stop its holder
        // for a garbage collection while every other turn waits for it (most turns through the bot start a conversation).
        var fresh = new Entry(key);
        lock (_gate)
        {
            RemoveExpired();
            if (_entries.TryGetValue(key, out var entry))
            {
                _recency.Remove(entry.Node);
            }
            else
            {
                entry = fresh;
                _entries[key] = entry;
                Account(EntryOverhead + key.Length * 2);
            }
            _recency.AddFirst(entry.Node);
            entry.Turns.Enqueue(stored);
            Account(stored.Length, entry);
            while (entry.Turns.Count > Math.Max(1, _options.MaxTurns)) Account(-entry.Turns.Dequeue().Length, entry);
            entry.LastUsed = _clock.GetUtcNow();
            while ((_entries.Count > _options.MaxConversations || _bytes > _options.MaxBytes) && _recency.Last is { } oldest && oldest.Value != entry)
                Remove(oldest.Value);
        }
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(ConversationIds.StoreKey(conversationId), out var entry)) Remove(entry);
        }
        return Task.CompletedTask;
    }

    /// <summary>Idle conversations sit at the least recently used end: drop them from there until one is not expired.</summary>
    private void RemoveExpired()
    {
        var now = _clock.GetUtcNow();
        while (_recency.Last is { } oldest && now - oldest.Value.LastUsed > _options.Expiry) Remove(oldest.Value);
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry.Key);
        _recency.Remove(entry.Node);
        Account(-(entry.Bytes + EntryOverhead + entry.Key.Length * 2));
    }

    private void Account(long bytes, Entry? entry = null)
    {
        _bytes += bytes;
        if (entry is not null) entry.Bytes += bytes;
    }

    private sealed class Entry
    {
        public Entry(string key)
        {
            Key = key;
            Node = new LinkedListNode<Entry>(this);
        }

        public string Key { get; }

        public LinkedListNode<Entry> Node { get; }

        /// <summary>Room for a first turn from the start (most conversations through the bot have one), not grown under the lock.</summary>
        public Queue<byte[]> Turns { get; } = new(1);

        /// <summary>The bytes of the turns kept.</summary>
        public long Bytes { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
