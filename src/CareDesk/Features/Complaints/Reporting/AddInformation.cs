using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Later information on a complaint (<c>POST /api/complaints/{id}/information</c>): stored with its receipt time, its
/// source, its answers and its text, and the complaint decided again — a supplemental (US) or supplementary (CN)
/// report, or a new clock, counts from <see cref="Request.ReceivedAt"/>.
/// </summary>
public sealed class AddInformation(CareDeskDbContext db, CaseAccess access, DecideReportability decide, DurableTimers timers)
{
    public sealed record Request(
        [property: Required] DateTimeOffset? ReceivedAt,
        [property: Required, MaxLength(200)] string Source,
        [property: MaxLength(32)] IReadOnlyDictionary<string, string?>? Facts = null,
        [property: MaxLength(8000)] string? Text = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if (await access.CheckPersonAsync(complaint.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        var now = access.Now();
        var receivedAt = request.ReceivedAt!.Value.ToUniversalTime();
        if (receivedAt > now)
        {
            return Failure.Invalid("receivedAt", "Reporting.InformationInFuture");
        }

        if (receivedAt < complaint.AwarenessAt)
        {
            return Failure.Invalid("receivedAt", "Reporting.InformationBeforeAwareness");
        }

        if (string.IsNullOrWhiteSpace(request.Source))
        {
            return Failure.Invalid("source", "Reporting.SourceRequired");
        }

        if (ReportingInput.Facts(request.Facts, "facts").Failure is { } invalid)
        {
            return invalid;
        }

        var information = new ComplaintInformation
        {
            ComplaintId = complaint.Id,
            ReceivedAt = receivedAt,
            Source = request.Source.Trim(),
            Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(),
            RecordedBy = actor.UserId,
            RecordedAt = now,
        };
        db.Set<ComplaintInformation>().Add(information);
        foreach (var (name, value) in request.Facts ?? new Dictionary<string, string?>())
        {
            db.Set<ComplaintFact>().Add(new ComplaintFact
            {
                ComplaintId = complaint.Id,
                InformationId = information.Id,
                Name = name,
                Value = GuidedFacts.Wire(GuidedFacts.Parse(name, value)!.Value),
                AnsweredBy = actor.UserId,
                AnsweredAt = now,
            });
        }

        var saved = await ReportingInput.SaveDecidedAsync(db, decide, timers, complaint, actor.UserId, now, cancellationToken);
        return saved.Succeeded ? information.Id : saved.Failure!;
    }
}
