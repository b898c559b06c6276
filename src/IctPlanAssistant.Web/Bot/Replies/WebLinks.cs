using IctPlanAssistant.Bot.Hosting;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>Links from a reply to the web pages: a row (<c>/rows/{id}</c>) and the staff search (<c>/search?q=</c>), under the turn's public address.</summary>
public sealed class WebLinks(Uri baseUri)
{
    public Uri BaseUri { get; } = baseUri;

    /// <summary>Under <c>Bot:PublicBaseUrl</c> (<see cref="BotPublicAddress"/>), never under the Host the request named.</summary>
    public static WebLinks For(TurnContext turn) => new(turn.PublicBaseUri);

    public bool IsHttps => BaseUri.Scheme == Uri.UriSchemeHttps;

    public string Row(RowId id) => new Uri(BaseUri, "rows/" + Uri.EscapeDataString(id.ToString())).AbsoluteUri;

    public string Search(string question) => new Uri(BaseUri, "search?q=" + Uri.EscapeDataString(question)).AbsoluteUri;
}
