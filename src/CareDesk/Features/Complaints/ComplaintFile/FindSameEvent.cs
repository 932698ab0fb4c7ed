using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// One event, several reporters (F17): the hospital, the distributor, the patient and the field rep may each report the
/// same event. Other open complaints that look like the same one — the same device serial or lot, or the same person —
/// with awareness within <see cref="Window"/> of this one's, not already linked to it.
/// </summary>
public sealed class FindSameEvent(CareDeskDbContext db, CaseAccess access)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <param name="Reasons">same-serial, same-lot, same-person.</param>
    public sealed record Match(Guid Id, Guid CaseId, string CaseNumber, DateTimeOffset AwarenessAt, string? SerialNumber, string? LotNumber, IReadOnlyList<string> Reasons);

    public async Task<Result<IReadOnlyList<Match>>> RunAsync(Guid complaintId, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if (await access.CheckPersonAsync(complaint.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        var serial = complaint.SerialNumber?.ToUpperInvariant();
        var lot = complaint.LotNumber?.ToUpperInvariant();
        var from = complaint.AwarenessAt - Window;
        var to = complaint.AwarenessAt + Window;
        var group = complaint.EventPrimaryId;
        // Serials and lots typed in any case are one: upper() in SQL, which string.Equals with a comparison is not.
#pragma warning disable CA1862
        var candidates = db.Set<Complaint>().AsNoTracking()
            .Where(c => c.Id != complaint.Id && c.ClearedAt == null && c.ClosedAt == null)
            .Where(c => group == null || c.EventPrimaryId == null || c.EventPrimaryId != group)
            .Where(c => c.AwarenessAt >= from && c.AwarenessAt <= to)
            .Where(c => c.PersonId == complaint.PersonId
                || (serial != null && c.SerialNumber != null && c.SerialNumber.ToUpper() == serial)
                || (lot != null && c.LotNumber != null && c.LotNumber.ToUpper() == lot));
#pragma warning restore CA1862
        // A field rep is told only of complaints of their own customers.
        if (actor.OwnCustomersOnly)
        {
            candidates = candidates.Where(c => db.People.Any(p => p.Id == c.PersonId && p.AssignedFieldRepId == actor.UserId));
        }

        var found = await candidates
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { c.Id, c.CaseId, k.Number, c.AwarenessAt, c.SerialNumber, c.LotNumber, c.PersonId })
            .Take(50)
            .ToListAsync(cancellationToken);
        return found
            .OrderBy(m => (m.AwarenessAt - complaint.AwarenessAt).Duration())
            .Select(m => new Match(m.Id, m.CaseId, CaseNumbers.Display(m.Number), m.AwarenessAt, m.SerialNumber, m.LotNumber, [
                .. new[]
                {
                    serial is not null && string.Equals(m.SerialNumber, serial, StringComparison.OrdinalIgnoreCase) ? "same-serial" : null,
                    lot is not null && string.Equals(m.LotNumber, lot, StringComparison.OrdinalIgnoreCase) ? "same-lot" : null,
                    m.PersonId == complaint.PersonId ? "same-person" : null,
                }.OfType<string>(),
            ]))
            .ToList();
    }
}
