using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Quality records that a report went to the regulator (<c>POST /api/obligations/{id}/submit</c>), with the
/// regulator's reference number: it leaves the due list and its alerts stop. Audited as every change is.
/// </summary>
public sealed class SubmitObligation(CareDeskDbContext db, DurableTimers timers, TimeProvider clock)
{
    public sealed record Request([property: Required, MaxLength(100)] string Reference, [property: Required, MaxLength(64)] string Version);

    public async Task<Result<GetReportability.ObligationView>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reference))
        {
            return Failure.Invalid("reference", "Obligations.ReferenceRequired");
        }

        if (await db.Set<RegulatoryObligation>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } obligation)
        {
            return Failure.NotFound("Obligations.NotFound");
        }

        if (!Guid.TryParse(request.Version, out var read))
        {
            return Failure.Invalid("version", "Obligations.VersionInvalid");
        }

        if (read != obligation.Version || obligation.Status != ObligationStatus.Open)
        {
            return Failure.Conflict(obligation.Status == ObligationStatus.Open ? "Obligations.Conflict" : "Obligations.NotOpen");
        }

        var now = clock.GetUtcNow();
        obligation.Status = ObligationStatus.Submitted;
        obligation.SubmittedAt = now;
        obligation.SubmittedBy = actor.UserId;
        obligation.Reference = request.Reference.Trim();
        obligation.Version = Guid.NewGuid();
        timers.Clear<ObligationTimerJob>(db, obligation.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Obligations.Conflict");
        }

        await timers.HandOverAsync(db, cancellationToken);
        return GetReportability.ToView(obligation, now);
    }
}
