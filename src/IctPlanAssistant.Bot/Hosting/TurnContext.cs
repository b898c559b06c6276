using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Connector;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// One turn: the activity that came in, who sent it, and the way out. Sending goes to the connector, or into the
/// buffer that becomes the HTTP body when the channel asked for <c>expectReplies</c>; an invoke's answer is held
/// in <see cref="InvokeResponse"/> until the adapter writes it. A turn answered in the background shows the typing
/// indicator until its first message is sent.
/// </summary>
public sealed class TurnContext(Activity activity, BotIdentity identity, ConnectorClient connector, Uri publicBaseUri)
{
    private readonly List<Activity> _buffered = [];

    public Activity Activity { get; } = activity;

    public BotIdentity Identity { get; } = identity;

    /// <summary>The public address of the web pages (<c>Bot:PublicBaseUrl</c>), the base of every link a reply holds.</summary>
    public Uri PublicBaseUri { get; } = publicBaseUri;

    /// <summary>The sender's tenant is not one of <c>Bot:AllowedTenants</c>: the bot says so and does nothing else.</summary>
    public bool TenantRefused { get; init; }

    public InvokeResponse? InvokeResponse { get; set; }

    public IReadOnlyList<Activity> BufferedReplies => _buffered;

    public bool IsTeams => string.Equals(Activity.ChannelId, Channels.MsTeams, StringComparison.OrdinalIgnoreCase);

    /// <summary>Replies come back in the HTTP response, so nothing is sent while the turn runs (no typing indicator either).</summary>
    public bool ExpectsReplies => Activity.ExpectsReplies;

    internal TypingIndicator? Typing { get; set; }

    /// <summary>Sends an activity made with <see cref="Activity.CreateReply"/> (or fills in the same addressing).</summary>
    public async Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        ApplyConversationReference(reply);
        if (ExpectsReplies)
        {
            _buffered.Add(reply);
            return new ResourceResponse(null);
        }
        // "Typing…" after the answer would say more is coming: stop it first (as the SDK's ShowTypingMiddleware).
        if (reply.IsType(ActivityTypes.Message) && Typing is { } typing) await typing.DisposeAsync().ConfigureAwait(false);
        return await connector.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private void ApplyConversationReference(Activity reply)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId ??= Activity.ChannelId;
        reply.ServiceUrl ??= Activity.ServiceUrl;
        reply.Conversation ??= Activity.Conversation;
        reply.From ??= Activity.Recipient;
        reply.Recipient ??= Activity.From;
        reply.ReplyToId ??= Activity.Id;
    }
}

public static class Channels
{
    public const string MsTeams = "msteams";
}
