using System.Text.Json;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>Reads <c>china-statutory-holidays.json</c>, embedded in the assembly (see README.md beside it).</summary>
public sealed class EmbeddedChinaCalendarSource : IChinaCalendarSource
{
    internal const string ResourceName = "CareDesk.Features.Complaints.Reportability.Calendars.china-statutory-holidays.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<ChinaCalendarYear> Load()
    {
        using var stream = typeof(EmbeddedChinaCalendarSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        var file = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return [.. file.Years.Select(y => new ChinaCalendarYear(y.Year, y.Source, [.. y.Holidays.Select(h => new ChinaHolidayRange(h.Name, h.From, h.To))], y.MakeUpWorkingDays))];
    }

    private sealed record FileShape(IReadOnlyList<YearShape> Years);

    private sealed record YearShape(int Year, string Source, IReadOnlyList<RangeShape> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);

    private sealed record RangeShape(string Name, DateOnly From, DateOnly To);
}
