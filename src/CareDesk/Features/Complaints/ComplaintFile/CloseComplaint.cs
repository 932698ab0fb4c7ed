using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Quality closes the file (F16) with a reason from the vocabulary and a note. Two rules, kept simple: a file is closed
/// only once its investigation has findings (400 naming <c>findings</c>), and not while it still owes a regulator a
/// report (409): first every owed report is submitted (or withdrawn by a later decision).
/// </summary>
public sealed class CloseComplaint(ComplaintChanges changes, IComplaintReports reports)
{
    public sealed record Request(
        [property: Required] string Reason,
        [property: MaxLength(4000)] string? Note = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!ComplaintTerms.Closures.TryGetValue(request.Reason?.Trim() ?? "", out var reason))
        {
            return Failure.Invalid("reason", "File.ClosureUnknown", string.Join(", ", ComplaintTerms.Closures.Keys));
        }

        var note = RecordComplaintFile.Blank(request.Note);
        if (reason == ComplaintClosure.Other && note is null)
        {
            return Failure.Invalid("note", "File.ClosureNoteRequired");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        if (complaint.InvestigationFindings is null)
        {
            return Failure.Invalid("findings", "File.CloseNeedsFindings");
        }

        if (await reports.OwesAReportAsync(complaint.Id, cancellationToken))
        {
            return Failure.Conflict("File.CloseReported");
        }

        complaint.ClosureReason = reason;
        complaint.ClosureNote = note;
        complaint.ClosedAt = changes.Now();
        complaint.ClosedBy = actor.UserId;
        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
