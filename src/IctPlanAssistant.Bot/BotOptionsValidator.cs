using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Bot;

/// <summary>
/// The Bot:* settings, checked when the host starts (so a wrong one stops it with the key to fix, not the first
/// message): with an app id, the app type and what it needs (a password, a tenant), and <c>Bot:PublicBaseUrl</c>,
/// which must be https outside Development.
/// </summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        BotAppType? type = null;
        try
        {
            type = options.AppType;
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }
        if (options.AuthenticationEnabled)
        {
            if (type is BotAppType.MultiTenant or BotAppType.SingleTenant && string.IsNullOrEmpty(options.MicrosoftAppPassword))
                failures.Add("Bot:MicrosoftAppPassword is required for a MultiTenant or SingleTenant bot.");
            if (type is BotAppType.SingleTenant or BotAppType.UserAssignedMsi && options.TenantId is null)
                failures.Add("Bot:MicrosoftAppTenantId is required for a SingleTenant or UserAssignedMSI bot.");
            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
                failures.Add("Bot:PublicBaseUrl is required with Bot:MicrosoftAppId: the https address of the web pages, which links in replies point to.");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!Uri.TryCreate(options.PublicBaseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
                failures.Add($"Bot:PublicBaseUrl '{options.PublicBaseUrl}' is not an http(s) address without query or fragment.");
            else if (uri.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
                failures.Add($"Bot:PublicBaseUrl '{options.PublicBaseUrl}' must be https (http is for Development only).");
        }
        if (options.AllowedTenants.Any(string.IsNullOrWhiteSpace))
            failures.Add("Bot:AllowedTenants holds an empty tenant id.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
