using IctPlanAssistant.Web.Rendering;

namespace IctPlanAssistant.Web.Tests.Rendering;

public sealed class AnswerHtmlTests
{
    private readonly AnswerHtml _html = new();

    [Fact]
    public void Markdown_becomes_html_and_each_citation_a_chip_linking_to_its_row_page()
    {
        var html = _html.Render("保健福祉部の事業です。\n\n- **避難者見守り活動支援事業** [1-2]");

        Assert.Contains("<strong>避難者見守り活動支援事業</strong>", html);
        Assert.Contains("<li>", html);
        Assert.Contains("<a class=\"cite\" href=\"/rows/1-2\" data-row=\"1-2\">[1-2]</a>", html);
    }

    [Fact]
    public void A_bracket_citing_several_rows_becomes_one_chip_per_row()
    {
        var html = _html.Render("二つあります [1-2, 3-8]。");

        Assert.Contains("href=\"/rows/1-2\"", html);
        Assert.Contains("href=\"/rows/3-8\"", html);
    }

    [Fact]
    public void A_plan_prefixed_citation_links_to_the_escaped_id()
    {
        var html = _html.Render("前年度 [2017:1-2]");

        Assert.Contains("href=\"/rows/2017%3A1-2\"", html);
    }

    [Theory]
    [InlineData("[注]")]
    [InlineData("[1-2 と 3]")]
    [InlineData("[1-2](/rows/1-3)")]
    public void A_bracket_that_is_not_only_citations_is_not_made_a_chip(string markdown)
    {
        Assert.DoesNotContain("class=\"cite\"", _html.Render(markdown));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("**<b onclick=alert(1)>太字</b>**")]
    public void Raw_html_in_the_answer_is_written_as_text(string markdown)
    {
        var html = _html.Render(markdown);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b ", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[押して](javascript:alert(1))")]
    [InlineData("[押して](JAVASCRIPT:alert(1))")]
    [InlineData("[押して](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[押して](//evil.example/x)")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_to_script_or_data_or_another_host_without_a_scheme_are_made_dead(string markdown)
    {
        var html = _html.Render(markdown);

        Assert.Contains("href=\"#\"", html);
        Assert.DoesNotMatch(@"href=""[^""]*(?i:javascript|data:|//evil)", html);
    }

    [Fact]
    public void Links_to_this_site_or_the_web_are_kept()
    {
        Assert.Contains("href=\"/search?q=x\"", _html.Render("[検索](/search?q=x)"));
        Assert.Contains("href=\"https://www.pref.fukushima.lg.jp/\"", _html.Render("[県](https://www.pref.fukushima.lg.jp/)"));
    }

    [Fact]
    public void Every_rendering_makes_links_safe_whichever_of_the_pipeline_s_reused_renderers_writes_it()
    {
        var html = new AnswerHtml();
        var results = Enumerable.Range(0, 64).AsParallel().Select(i => html.Render($"[x{i}](javascript:alert({i})) [検索](/search?q={i}) [1-2]")).ToList();

        Assert.All(results, r => Assert.Contains("href=\"#\"", r));
        Assert.All(results, r => Assert.DoesNotContain("javascript", r));
        Assert.All(results, r => Assert.Contains("class=\"cite\"", r));
    }
}
