using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// A calendar's office hours as people write them: days with the same hours together, runs of days as a range,
/// "Mon–Fri 09:00–12:00, 13:00–18:00" or "周一至周五 09:00–12:00、13:00–18:00", never the stored day codes.
/// </summary>
public static class OfficeHoursText
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Describe(IEnumerable<(string Day, string Opens, string Closes)> hours, IStringLocalizer<ServiceLevelsText> text, CultureInfo culture)
    {
        var byDay = hours
            .GroupBy(h => Week.FirstOrDefault(d => d.ToString().Equals(h.Day, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(g => g.Key, g => string.Join(text["Hours.ListSeparator"], g.OrderBy(h => h.Opens, StringComparer.Ordinal).Select(h => $"{h.Opens}–{h.Closes}")));
        var groups = new List<string>();
        foreach (var same in Week.Where(byDay.ContainsKey).GroupBy(d => byDay[d]))
        {
            groups.Add($"{Days([.. same], text, culture)} {same.Key}");
        }

        return string.Join(text["Hours.GroupSeparator"], groups);
    }

    // Consecutive days as a range ("Mon–Fri"), others listed.
    private static string Days(List<DayOfWeek> days, IStringLocalizer<ServiceLevelsText> text, CultureInfo culture)
    {
        var runs = new List<List<DayOfWeek>>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && Array.IndexOf(Week, runs[^1][^1]) + 1 == Array.IndexOf(Week, day))
            {
                runs[^1].Add(day);
            }
            else
            {
                runs.Add([day]);
            }
        }

        string Name(DayOfWeek day) => culture.DateTimeFormat.GetAbbreviatedDayName(day);
        return string.Join(text["Hours.ListSeparator"], runs.Select(run => run.Count >= 3
            ? text["Hours.DayRange", Name(run[0]), Name(run[^1])].Value
            : string.Join(text["Hours.ListSeparator"], run.Select(Name))));
    }
}
