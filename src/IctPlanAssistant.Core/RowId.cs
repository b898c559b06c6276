using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IctPlanAssistant;

/// <summary>A row id: section S and 整理番号 N, written <c>S-N</c>, prefixed with the plan key in a several-plan index.</summary>
public readonly partial record struct RowId(string? Plan, int Section, int Number) : IComparable<RowId>
{
    public override string ToString() =>
        Plan is null ? $"{Section}-{Number}" : $"{Plan}:{Section}-{Number}";

    public static bool TryParse([NotNullWhen(true)] string? text, out RowId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        if (!int.TryParse(m.Groups["s"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ||
            !int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        id = new RowId(m.Groups["plan"].Success ? m.Groups["plan"].Value : null, s, n);
        return true;
    }

    public static RowId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a row id (S-N or plan:S-N).");

    /// <summary>Document order: plan, then section, then number.</summary>
    public int CompareTo(RowId other)
    {
        var c = string.CompareOrdinal(Plan, other.Plan);
        if (c != 0) return c;
        c = Section.CompareTo(other.Section);
        return c != 0 ? c : Number.CompareTo(other.Number);
    }

    [GeneratedRegex(@"^(?:(?<plan>[\w.\-]+):)?(?<s>\d{1,3})-(?<n>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
