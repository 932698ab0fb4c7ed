namespace CareDesk.Features.Complaints.Reportability;

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
