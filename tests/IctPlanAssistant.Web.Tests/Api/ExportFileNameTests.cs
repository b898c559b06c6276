using IctPlanAssistant.Web.Apis;

namespace IctPlanAssistant.Web.Tests.Api;

public sealed class ExportFileNameTests
{
    // 2026-12-04 20:00 UTC is already 2026-12-05 in Japan.
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("保健福祉部", null, null, null, "ict-plan_保健福祉部_2026-12-05.csv")]
    [InlineData(null, null, null, null, "ict-plan_すべて_2026-12-05.csv")]
    [InlineData("土木部", 3, false, "防災 システム", "ict-plan_土木部_柱3_継続_防災-システム_2026-12-05.csv")]
    [InlineData(null, null, true, "../../etc/passwd", "ict-plan_新規_etc-passwd_2026-12-05.csv")]
    [InlineData(null, null, null, "a\"b<c>d|e:f*g?h\\i", "ict-plan_a-b-c-d-e-f-g-h-i_2026-12-05.csv")]
    public void The_name_says_what_was_exported_and_the_date_in_japan(string? department, int? section, bool? isNew, string? q, string expected)
    {
        var query = new SearchApiQuery(q, department, section, isNew, null, null, null, null, null, null);

        Assert.Equal(expected, ExportFileName.For(query, Now));
    }

    [Fact]
    public void Long_words_are_cut_so_the_name_stays_short()
    {
        var query = new SearchApiQuery(new string('あ', 500), null, null, null, null, null, null, null, null, null);

        Assert.True(ExportFileName.For(query, Now).Length < 60);
    }
}
