using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// A case's complaint file as the case page and quality see it; a read of its person, audited. A masked viewer (an
/// outsourced agent, <see cref="PersonViewer.Masked"/>) reads the caller's words as <see cref="Masking.Hidden"/>, as
/// contact notes.
/// </summary>
public sealed class GetComplaint(CareDeskDbContext db, CaseAccess access, PersonReads reads)
{
    public sealed record View(
        Guid Id,
        Guid CaseId,
        string CaseNumber,
        Guid PersonId,
        DateTimeOffset AwarenessAt,
        Guid? AwarenessContactId,
        string ReceivingTimeZone,
        string FlaggedBy,
        DateTimeOffset FlaggedAt,
        bool Active,
        DateTimeOffset? ClearedAt,
        string? ClearedBy,
        string? ClearReason,
        bool LegalHold,
        string Version,
        ComplaintFile.ComplaintFileView File);

    public Task<Result<View>> ByIdAsync(Guid id, StaffActor actor, bool masked, CancellationToken cancellationToken) =>
        RunAsync(db.Set<Complaint>().Where(c => c.Id == id), actor, masked, cancellationToken);

    /// <summary>The case's file; NotFound when the case holds no complaint (or the case does not exist).</summary>
    public Task<Result<View>> ForCaseAsync(Guid caseId, StaffActor actor, bool masked, CancellationToken cancellationToken) =>
        RunAsync(db.Set<Complaint>().Where(c => c.CaseId == caseId), actor, masked, cancellationToken);

    private async Task<Result<View>> RunAsync(IQueryable<Complaint> query, StaffActor actor, bool masked, CancellationToken cancellationToken)
    {
        var found = await query.AsNoTracking()
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { Complaint = c, k.Number })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        var c = found.Complaint;
        if (await access.CheckPersonAsync(c.PersonId, actor, cancellationToken) is { } denied)
        {
            await reads.RecordDeniedAsync("Complaint", c.Id.ToString(), c.PersonId, "complaint", cancellationToken);
            return denied;
        }

        await reads.RecordAsync("Complaint", c.Id, c.PersonId, "complaint", cancellationToken);
        return new View(c.Id, c.CaseId, CaseNumbers.Display(found.Number), c.PersonId, c.AwarenessAt, c.AwarenessContactId, c.ReceivingTimeZone,
            c.FlaggedBy, c.FlaggedAt, c.IsActive, c.ClearedAt, c.ClearedBy, c.ClearReason, c.LegalHold, c.Version.ToString(),
            await ComplaintFile.ComplaintFileView.LoadAsync(db, c, masked, cancellationToken));
    }
}
