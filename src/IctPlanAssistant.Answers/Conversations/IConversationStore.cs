namespace IctPlanAssistant.Answers.Conversations;

/// <summary>Keeps the turns of conversations, keyed by conversation id (a web session, a Teams conversation).</summary>
public interface IConversationStore
{
    /// <summary>The turns so far, oldest first; empty for an unknown or expired conversation.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation (the user started over); nothing happens for an unknown one.</summary>
    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>The store cannot be reached; the assistant answers without follow-up memory.</summary>
public sealed class ConversationStoreUnavailableException(string message) : Exception(message);
