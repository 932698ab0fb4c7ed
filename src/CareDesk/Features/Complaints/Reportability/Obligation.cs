namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// One report owed. <c>Due</c> is a local date (<c>2026-03-02</c>) for day clocks and an instant with offset for hour
/// clocks; <c>NominalDue</c> is "day 0 + N" beside a legal last day that was rolled forward (EU, CN calendar days).
/// </summary>
public sealed record Obligation(
    string Kind,
    string Form,
    DateTimeOffset ClockStart,
    int Period,
    string Unit,
    string Due,
    string? NominalDue,
    string Status);
