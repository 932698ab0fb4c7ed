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

    public RegulatoryCalendars(IChinaCalendarSource china)
    {
        China = new ChinaCalendar(china.Load());
        UnitedStates = new LibraryCalendar("US", PublicHolidays.For("US"));
        foreach (var state in EuropeanUnion.MemberStates)
        {
            countries[state] = new LibraryCalendar(state, PublicHolidays.For(state));
        }
    }

    public ChinaCalendar China { get; }

    public WorkingCalendar UnitedStates { get; }

    /// <summary>The member state's calendar; weekends only for a state the library lacks or an unknown code.</summary>
    public WorkingCalendar MemberState(string? code) =>
        code is not null && countries.TryGetValue(code, out var calendar) ? calendar : new LibraryCalendar(code ?? "EU", null);
}

/// <summary>The Union's member states (ISO 3166-1 alpha-2; Greece as GR) and the other EEA states.</summary>
public static class EuropeanUnion
{
    public static readonly IReadOnlySet<string> MemberStates = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Iceland, Liechtenstein and Norway apply the MDR/IVDR through the EEA Agreement.</summary>
    public static readonly IReadOnlySet<string> OtherEea = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "IS", "LI", "NO" };

    public static bool IsInEea(string? country) => country is not null && (MemberStates.Contains(country) || OtherEea.Contains(country));
}
