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
/// The agent (or quality) records what the caller said (F17 guided facts) and where and when the event happened
/// (<c>PUT /api/complaints/{id}/facts</c>). Each answer that differs from the current one is a new row with who and
/// when; the four event fields are set as sent. The complaint is then decided again and its obligations follow.
/// </summary>
public sealed class RecordFacts(CareDeskDbContext db, CaseAccess access, DecideReportability decide, DurableTimers timers)
{
    /// <param name="Facts">Answers by fact name (<c>yes</c>/<c>no</c>/<c>unknown</c>, <c>suspected</c> for <c>malfunction</c>); facts left out keep their answers.</param>
    /// <param name="ProductId">The catalog model; the four event fields are replaced as sent (send the current ones to keep them).</param>
    public sealed record Request(
        [property: Required, MaxLength(64)] string Version,
        [property: MaxLength(64)] string? ProductId = null,
        DateOnly? EventDate = null,
        [property: MaxLength(2)] string? EventCountry = null,
        [property: MaxLength(2)] string? EuMemberState = null,
        [property: MaxLength(32)] IReadOnlyDictionary<string, string?>? Facts = null);

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

        if (complaint.CheckVersion(request.Version) is { } stale)
        {
            return stale;
        }

        var now = access.Now();
        if (ReportingInput.Facts(request.Facts, "facts").Failure is { } invalid)
        {
            return invalid;
        }

        if (ReportingInput.CheckPlace(request.EventCountry, request.EuMemberState) is { } place)
        {
            return place;
        }

        if (request.EventDate is { } eventDate)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(complaint.ReceivingTimeZone, out var found) ? found : TimeZoneInfo.Utc;
            // Calendar days on the receiving site's calendar: the event cannot lie after today, nor after the day the
            // maker heard of it (one cannot become aware of an event that has not happened).
            if (eventDate > DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime))
            {
                return Failure.Invalid("eventDate", "Reporting.EventDateInFuture");
            }

            if (eventDate > DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(complaint.AwarenessAt, zone).DateTime))
            {
                return Failure.Invalid("eventDate", "Reporting.EventAfterAwareness");
            }
        }

        if (request.ProductId is { } productId && !await db.ProductModels.AnyAsync(m => m.Id == productId, cancellationToken))
        {
            return Failure.NotFound("productId", "Reporting.ProductUnknown", productId);
        }

        var current = await db.Set<ComplaintFact>().AsNoTracking()
            .Where(f => f.ComplaintId == complaint.Id && f.InformationId == null)
            .OrderBy(f => f.Id).Select(f => new { f.Name, f.Value }).ToListAsync(cancellationToken);
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in current)
        {
            latest[answer.Name] = answer.Value;
        }

        foreach (var (name, value) in request.Facts ?? new Dictionary<string, string?>())
        {
            var wire = GuidedFacts.Wire(GuidedFacts.Parse(name, value)!.Value);
            // "unknown" over nothing is a question asked and not answered: kept too, so the file shows it was asked.
            if (latest.TryGetValue(name, out var before) ? before != wire : true)
            {
                db.Set<ComplaintFact>().Add(new ComplaintFact { ComplaintId = complaint.Id, Name = name, Value = wire, AnsweredBy = actor.UserId, AnsweredAt = now });
            }
        }

        complaint.ProductModelId = request.ProductId;
        complaint.EventDate = request.EventDate;
        complaint.EventCountry = request.EventCountry;
        complaint.EuMemberState = request.EuMemberState;
        return await ReportingInput.SaveDecidedAsync(db, decide, timers, complaint, actor.UserId, now, cancellationToken);
    }
}
