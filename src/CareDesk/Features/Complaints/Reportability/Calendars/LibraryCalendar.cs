using CareDesk.Features.ServiceLevels;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>Weekends and the public holidays of one country from the PublicHoliday library (US, EU member states).</summary>
internal sealed class LibraryCalendar(string country, PublicHolidays? holidays) : WorkingCalendar
{
    public override string Name => country;

    public override bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && holidays?.IsHoliday(date) != true;

    // The library computes its holidays for any year; a country it does not know has no holiday data at all.
    public override bool Covers(int year) => holidays is not null;
}
