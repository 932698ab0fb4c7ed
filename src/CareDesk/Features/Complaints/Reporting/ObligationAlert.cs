namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// What quality is told about a report owed to a regulator: <c>obligation-warning</c> (its warning instant passed),
/// <c>obligation-due</c> (its last day began), <c>obligation-overdue</c> (its last day ended and it was not submitted).
/// </summary>
/// <param name="DueAt">When it is overdue: for a day clock the midnight after its last day.</param>
/// <param name="Due">The engine's due: a day clock's last day (<c>2026-12-08</c>) or an hour clock's instant.</param>
public sealed record ObligationAlert(
    string Kind, Guid ObligationId, Guid CaseId, string CaseNumber, string Market, string ObligationKind, DateTimeOffset DueAt, string Due);
