using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Quality records the product return (F16): the RMA number, when the product was sent back and received, and what
/// the analysis of the returned unit found. A PUT: the whole return as it stands now.
/// </summary>
public sealed class RecordProductReturn(ComplaintChanges changes)
{
    public sealed record Request(
        [property: Required, MaxLength(64), SingleLineText] string RmaNumber,
        DateTimeOffset? SentAt = null,
        DateTimeOffset? ReceivedAt = null,
        [property: MaxLength(4000)] string? Analysis = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (RecordComplaintFile.Blank(request.RmaNumber) is not { } rma)
        {
            return Failure.Invalid("rmaNumber", "File.RmaRequired");
        }

        var now = changes.Now();
        if (request.SentAt > now)
        {
            return Failure.Invalid("sentAt", "File.InFuture");
        }

        if (request.ReceivedAt > now)
        {
            return Failure.Invalid("receivedAt", "File.InFuture");
        }

        if (request.ReceivedAt < request.SentAt)
        {
            return Failure.Invalid("receivedAt", "File.ReceivedBeforeSent");
        }

        var analysis = RecordComplaintFile.Blank(request.Analysis);
        if (analysis is not null && request.ReceivedAt is null)
        {
            // Only a unit that came back can be analysed.
            return Failure.Invalid("analysis", "File.AnalysisBeforeReceipt");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        complaint.RmaNumber = rma;
        // PostgreSQL stores instants in UTC only; a client may send the receiving site's offset (+08:00).
        complaint.ReturnSentAt = request.SentAt?.ToUniversalTime();
        complaint.ReturnReceivedAt = request.ReceivedAt?.ToUniversalTime();
        complaint.ReturnAnalysis = analysis;
        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
