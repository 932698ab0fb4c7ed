using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>Quality records what the investigation found and, once known, the root cause (F16).</summary>
public sealed class RecordInvestigation(ComplaintChanges changes)
{
    public sealed record Request(
        [property: Required, MaxLength(4000)] string Findings,
        [property: MaxLength(4000)] string? RootCause = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (RecordComplaintFile.Blank(request.Findings) is not { } findings)
        {
            return Failure.Invalid("findings", "File.FindingsRequired");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        complaint.InvestigationFindings = findings;
        complaint.RootCause = RecordComplaintFile.Blank(request.RootCause);
        complaint.InvestigatedBy = actor.UserId;
        complaint.InvestigatedAt = changes.Now();
        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
