namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>Links from a reply to the web pages: a row (<c>/rows/{id}</c>) and the staff search (<c>/search?q=</c>).</summary>
public sealed class WebLinks(Uri baseUri)
{
    public Uri BaseUri { get; } = baseUri;

    /// <summary><c>Bot:PublicBaseUrl</c> when set, else the address the request came to.</summary>
    public static WebLinks For(BotOptions options, Uri requestBase)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && Uri.TryCreate(options.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var configured))
            return new WebLinks(configured);
        return new WebLinks(requestBase);
    }

    public bool IsHttps => BaseUri.Scheme == Uri.UriSchemeHttps;

    public string Row(RowId id) => new Uri(BaseUri, "rows/" + Uri.EscapeDataString(id.ToString())).AbsoluteUri;

    public string Search(string question) => new Uri(BaseUri, "search?q=" + Uri.EscapeDataString(question)).AbsoluteUri;
}
