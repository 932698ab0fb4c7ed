using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// The files on a case, newest first, without their bytes. A masked viewer (an outsourced agent) sees that there are
/// files, of what kind, size and from whom, but not their names (a name may name the person) and cannot open them.
/// </summary>
public sealed class ListCaseAttachments(CareDeskDbContext db, CaseAccess access, OwnerNames owners)
{
    /// <param name="MayOpen">False for a masked viewer: downloading and removing are refused to them.</param>
    public sealed record AttachmentView(
        Guid Id, string FileName, string ContentType, long Length, OwnerView UploadedBy, DateTimeOffset UploadedAt, bool MayOpen);

    public async Task<Result<AttachmentView[]>> RunAsync(Guid caseId, StaffActor actor, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var personId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.PersonId).SingleOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return Failure.NotFound("Case.NotFound");
        }

        if (await access.CheckPersonAsync(personId.Value, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        var rows = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Length, a.UploadedBy, a.UploadedAt })
            .ToListAsync(cancellationToken);
        var names = await owners.LoadAsync(rows.Select(r => ((string?)r.UploadedBy, (string?)null)), cancellationToken);
        return rows.Select(r => new AttachmentView(
            r.Id, viewer.Masked ? Masking.Hidden : r.FileName, r.ContentType, r.Length, names(r.UploadedBy, null), r.UploadedAt, !viewer.Masked)).ToArray();
    }
}
