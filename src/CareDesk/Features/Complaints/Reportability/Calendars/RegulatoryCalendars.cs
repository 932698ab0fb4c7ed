using CareDesk.Features.ServiceLevels;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// The calendars the engine counts with, loaded once per process: the US federal holidays, each EU member state's
/// public holidays (PublicHoliday library; Bulgaria, Cyprus and Malta are missing from it: weekends only, flagged),
/// and China's State Council calendar from <see cref="IChinaCalendarSource"/>.
/// </summary>
public sealed class RegulatoryCalendars
{
    private readonly Dictionary<string, WorkingCalendar> countries = new(StringComparer.OrdinalIgnoreCase);

    private volatile ChinaCalendar china;

    public RegulatoryCalendars(IChinaCalendarSource source)
    {
        Shipped = source.Load();
        china = new ChinaCalendar(Shipped);
        UnitedStates = new LibraryCalendar("US", PublicHolidays.For("US"));
        foreach (var state in EuropeanUnion.MemberStates)
        {
            countries[state] = new LibraryCalendar(state, PublicHolidays.For(state));
        }
    }

    /// <summary>China's calendar in force: the shipped years, each replaced by an admin's edit of that year if any.</summary>
    public ChinaCalendar China => china;

    /// <summary>The years shipped in the assembly (china-statutory-holidays.json), before any admin edit.</summary>
    public IReadOnlyList<ChinaCalendarYear> Shipped { get; }

    /// <summary>Puts the admins' edited years in force: one reference swap, so a reader sees the old calendar or the new one, never half of each.</summary>
    public void UseEdits(IReadOnlyCollection<ChinaCalendarYear> edits)
    {
        var edited = edits.Select(e => e.Year).ToHashSet();
        china = new ChinaCalendar([.. Shipped.Where(y => !edited.Contains(y.Year)).Concat(edits).OrderBy(y => y.Year)]);
    }

    public WorkingCalendar UnitedStates { get; }

    /// <summary>The member state's calendar; weekends only for a state the library lacks or an unknown code.</summary>
    public WorkingCalendar MemberState(string? code) =>
        code is not null && countries.TryGetValue(code, out var calendar) ? calendar : new LibraryCalendar(code ?? "EU", null);
}
