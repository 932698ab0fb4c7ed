using System.Globalization;
using CareDesk.Features.Complaints.Reportability;

namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>How the forms write dates, answers and lists: each in its own convention.</summary>
internal static class FormValues
{
    /// <summary>3500A instructions: dates as dd-mmm-yyyy ("12-Oct-2016").</summary>
    public static string? Fda(DateOnly? date) => date?.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>MIR 7.3.1: dates "in format YYYY-MM-DD".</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>NMPA's forms: 年 月 日.</summary>
    public static string? Chinese(DateOnly? date) => date?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The local date of an instant in the receiving site's zone: the day a regulator counts from.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    public static string? YesNo(FactValue value, string yes, string no, string? unknown = null) => value switch
    {
        FactValue.Yes or FactValue.Suspected => yes,
        FactValue.No => no,
        _ => unknown,
    };

    /// <summary>The ticked boxes of a group, joined; null when none is ticked.</summary>
    public static string? Ticked(string separator, params (bool Ticked, string Label)[] boxes)
    {
        var ticked = boxes.Where(b => b.Ticked).Select(b => b.Label).ToList();
        return ticked.Count == 0 ? null : string.Join(separator, ticked);
    }

    public static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }

    public static string? Codes(IEnumerable<ReportCode> codes)
    {
        var list = codes.Select(c => string.IsNullOrEmpty(c.Term) ? c.Code : $"{c.Code} {c.Term}").ToList();
        return list.Count == 0 ? null : string.Join("; ", list);
    }

    public static string? Age(int? years, string unit) => years is { } y ? y.ToString(CultureInfo.InvariantCulture) + unit : null;
}
