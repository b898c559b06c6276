using System.Net;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Web.Tests.Pages;

[Collection(BundledPlanCollection.Name)]
public sealed partial class PageTests(BundledPlanHost host)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "/js/chat.js" },
        { "/search", "/js/search.js" },
        { "/search?q=タブレット&department=保健福祉部", "/js/search.js" },
        { "/rows/1-2", "/js/row.js" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_served_as_html_loading_its_own_script(string url, string script)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<script type=\"module\" src=\"{script}\"></script>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_forbid_inline_and_foreign_script_and_framing(string url, string _)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Api_errors_carry_the_security_headers_too()
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/rows/9-99");

        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_has_inline_script_or_loads_anything_from_another_origin(string url, string _)
    {
        using var client = host.Client();

        var html = await client.GetStringAsync(url);

        Assert.DoesNotMatch(ForeignReference(), html);
        Assert.DoesNotMatch(InlineScript(), html);
    }

    [Fact]
    public void No_script_or_stylesheet_loads_anything_from_another_origin()
    {
        var wwwroot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.EnumerateFiles(wwwroot, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) Assert.DoesNotMatch(ForeignReference(), File.ReadAllText(file));
    }

    [Fact]
    public async Task The_menu_marks_the_page_it_is_on()
    {
        using var client = host.Client();

        var chat = await client.GetStringAsync("/");
        var search = await client.GetStringAsync("/search");
        var row = await client.GetStringAsync("/rows/1-2");

        Assert.Contains("<a href=\"/\" aria-current=\"page\"", chat);
        Assert.Contains("<a href=\"/search\" aria-current=\"page\"", search);
        Assert.DoesNotContain("aria-current", row);
        Assert.DoesNotContain("{{", chat + search + row);
    }

    // src/href/url()/import pointing to a scheme or protocol-relative address; the SVG namespace is a name, not a load.
    [GeneratedRegex(@"(?:src|href)\s*=\s*[""'](?:[a-z]+:|//)|url\(\s*[""']?(?:[a-z]+:|//)|@import|import\s.*from\s*[""'](?:[a-z]+:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignReference();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
