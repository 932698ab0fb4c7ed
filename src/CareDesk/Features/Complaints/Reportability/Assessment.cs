namespace CareDesk.Features.Complaints.Reportability;

/// <summary>The engine's decision, in the wire shape of F17 (<c>POST /api/regulatory/assess</c>).</summary>
public sealed record Assessment(bool IsComplaint, IReadOnlyList<MarketAssessment> Markets);

/// <summary>
/// One market's decision. <c>Reasons</c> are stable codes (<c>us.death</c>, <c>eu.outside-eea</c>...); the API renders
/// them as <c>Rationale</c> in the caller's language, so the engine holds no user-facing text.
/// </summary>
public sealed record MarketAssessment(
    string Market,
    bool Applicable,
    string Reportable,
    string EventClass,
    string Rationale,
    IReadOnlyList<string> Citations,
    IReadOnlyList<Obligation> Obligations,
    IReadOnlyList<string> Reasons);

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

/// <summary>The wire codes, in one place.</summary>
public static class ReportabilityCodes
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NeedsInvestigation = "needs-investigation";
    public const string NotApplicable = "n/a";

    public const string CalendarDays = "calendar-days";
    public const string WorkingDays = "working-days";
    public const string Hours = "hours";

    /// <summary>Owed and not yet due.</summary>
    public const string Open = "open";

    /// <summary>Past its due time (and nothing here knows of a submission).</summary>
    public const string Overdue = "overdue";

    /// <summary>Owed if the open facts confirm reportability; the clock already runs from awareness.</summary>
    public const string Provisional = "provisional";

    /// <summary>A provisional clock that later information showed not to be owed; kept in the history.</summary>
    public const string NotRequired = "not-required";
}
