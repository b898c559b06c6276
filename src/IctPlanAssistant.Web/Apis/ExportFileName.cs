using System.Globalization;
using System.Text;

namespace IctPlanAssistant.Web.Apis;

/// <summary>
/// The name of a CSV export, saying what was exported and when: <c>ict-plan_保健福祉部_柱1_新規_2026-12-05.csv</c>
/// (plan, department, section, new or continuing, words; <c>すべて</c> with no condition). The date is Japan's,
/// where the plan's staff are. Non-ASCII names reach the browser as RFC 5987 <c>filename*</c>, which ASP.NET writes.
/// </summary>
internal static class ExportFileName
{
    private const int MaxPartLength = 30;

    private static readonly TimeZoneInfo Japan = FindJapan();

    public static string For(SearchApiQuery query, DateTimeOffset now)
    {
        var parts = new List<string>();
        Add(parts, query.Plan);
        Add(parts, query.Department);
        if (query.Section is { } section) parts.Add("柱" + section.ToString(CultureInfo.InvariantCulture));
        if (query.New is { } isNew) parts.Add(isNew ? "新規" : "継続");
        Add(parts, query.Q);
        if (parts.Count == 0) parts.Add("すべて");
        var date = TimeZoneInfo.ConvertTime(now, Japan).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"ict-plan_{string.Join('_', parts)}_{date}.csv";
    }

    private static void Add(List<string> parts, string? value)
    {
        if (Clean(value) is { Length: > 0 } clean) parts.Add(clean);
    }

    /// <summary>Characters no file system takes (and the separator) become '-', runs of them one; long text is cut.</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var sb = new StringBuilder();
        foreach (var c in value.Trim())
        {
            var bad = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '_' or '.';
            if (!bad) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= MaxPartLength) break;
        }
        return sb.ToString().Trim('-');
    }

    private static TimeZoneInfo FindJapan()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No time zone database (a slim container): Japan has had no daylight saving time since 1951.
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
        }
    }
}
