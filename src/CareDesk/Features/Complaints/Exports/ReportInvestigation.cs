namespace CareDesk.Features.Complaints.Exports;

/// <summary>Quality's investigation, the product return (RMA), the reply and the closure, as the complaint file holds them.</summary>
/// <param name="ClosureReason">The file's code (no-fault-found, use-error, …); each form writes it in its own language.</param>
public sealed record ReportInvestigation(
    string? Findings,
    string? RootCause,
    string? RmaNumber,
    DateOnly? ReturnSentAt,
    DateOnly? ReturnReceivedAt,
    string? ReturnAnalysisResult,
    string? Reply,
    string? ClosureReason,
    string? ClosureNote = null)
{
    public static readonly ReportInvestigation None = new(null, null, null, null, null, null, null, null);

    public bool DeviceReturned => ReturnReceivedAt is not null;
}
