using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Hands out one file of a case. Every download is a read of the person's record and audited as one; a masked viewer
/// is refused (a photo cannot be shown in part) and the refusal is audited too.
/// </summary>
public sealed class DownloadCaseAttachment(CareDeskDbContext db, CaseAccess access, PersonReads reads)
{
    public sealed record File(string FileName, string ContentType, byte[] Content, string Sha256);

    public async Task<Result<File>> RunAsync(Guid caseId, Guid attachmentId, StaffActor actor, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var found = await db.CaseAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.CaseId == caseId)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new { a.FileName, a.ContentType, a.Sha256, c.PersonId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("Attachment.NotFound");
        }

        const string What = "case attachment";
        if (await access.CheckPersonAsync(found.PersonId, actor, cancellationToken) is { } denied)
        {
            await reads.RecordDeniedAsync(nameof(CaseAttachment), attachmentId.ToString(), found.PersonId, What, cancellationToken);
            return denied;
        }

        if (viewer.Masked)
        {
            await reads.RecordDeniedAsync(nameof(CaseAttachment), attachmentId.ToString(), found.PersonId, What, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Attachment.Masked", "attachmentId");
        }

        // The bytes only now, after every check: a refused request never loads them.
        var content = await db.CaseAttachments.AsNoTracking().Where(a => a.Id == attachmentId).Select(a => a.Content).SingleAsync(cancellationToken);
        await reads.RecordAsync(nameof(CaseAttachment), attachmentId, found.PersonId, What, cancellationToken);
        return new File(found.FileName, found.ContentType, content, found.Sha256);
    }
}
