using IctPlanAssistant.Web.Bot.Authentication;
using IctPlanAssistant.Web.Bot.Connector;
using IctPlanAssistant.Web.Bot.Schema;

namespace IctPlanAssistant.Web.Bot.Hosting;

/// <summary>
/// One turn: the activity that came in, who sent it, and the way out. Sending goes to the connector, or into the
/// buffer that becomes the HTTP body when the channel asked for <c>expectReplies</c>; an invoke's answer is held
/// in <see cref="InvokeResponse"/> until the adapter writes it.
/// </summary>
public sealed class TurnContext(Activity activity, BotIdentity identity, ConnectorClient connector, Uri requestBaseUri)
{
    private readonly List<Activity> _buffered = [];

    public Activity Activity { get; } = activity;

    public BotIdentity Identity { get; } = identity;

    /// <summary>Where this request arrived (scheme, host, path base): the fallback address of the web pages.</summary>
    public Uri RequestBaseUri { get; } = requestBaseUri;

    public InvokeResponse? InvokeResponse { get; set; }

    public IReadOnlyList<Activity> BufferedReplies => _buffered;

    public bool IsTeams => string.Equals(Activity.ChannelId, Channels.MsTeams, StringComparison.OrdinalIgnoreCase);

    /// <summary>Sends an activity made with <see cref="Activity.CreateReply"/> (or fills in the same addressing).</summary>
    public async Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        ApplyConversationReference(reply);
        if (Activity.ExpectsReplies)
        {
            _buffered.Add(reply);
            return new ResourceResponse(null);
        }
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
