using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Removes a file from a case (a photo of the wrong meter, one showing someone's face): whoever may change the case may,
/// except a masked viewer, who may not remove what they cannot see. The timeline keeps that a file was removed.
/// </summary>
public sealed class RemoveCaseAttachment(CareDeskDbContext db, CaseAccess access)
{
    public async Task<Result<Guid>> RunAsync(Guid caseId, Guid attachmentId, StaffActor actor, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        // The whole row, bytes too (a removal is rare): the audit trail records what was deleted, in the same save.
        var found = await db.CaseAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("Attachment.NotFound");
        }

        if (viewer.Masked)
        {
            return new Failure(FailureKind.Forbidden, "Attachment.Masked", "attachmentId");
        }

        db.CaseAttachments.Remove(found);
        return await access.SaveAsync(loaded.Value!, new CaseEntry
        {
            Kind = CaseEntryKind.AttachmentRemoved,
            At = access.Now(),
            ActorUserId = actor.UserId,
            Text = AttachmentKinds.IsImage(found.ContentType) ? "photo" : "document",
        }, cancellationToken);
    }
}
