using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Contacts by person, time, channel and whether they have a recording, newest first (F10, F25: "the call with Mrs
/// Wang on the 3rd"). Served by the (person, has recording, started) and (has recording, started) indexes.
/// A field rep sees only their own customers' contacts.
/// </summary>
public sealed class SearchContacts(CareDeskDbContext db, ContactAccess access, ContactViews views, PersonReads reads)
{
    public const int MaxLimit = 200;

    public sealed record Filter(
        Guid? PersonId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Channel = null, bool? HasRecording = null, int Limit = 50);

    /// <param name="auditRead">False where the caller has already audited the read of this person's record (Person 360).</param>
    public async Task<Result<ContactView[]>> RunAsync(Filter filter, PersonViewer viewer, CancellationToken cancellationToken, bool auditRead = true)
    {
        if (filter.Limit is < 1 or > MaxLimit)
        {
            return Failure.Invalid("limit", "Contact.LimitInvalid", MaxLimit);
        }

        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            return Failure.Invalid("to", "Contact.RangeInvalid");
        }

        var query = db.Contacts.AsNoTracking();
        if (filter.PersonId is { } personId)
        {
            if (await access.CheckPersonAsync(personId, viewer, cancellationToken) is { } denied)
            {
                return denied.Kind == FailureKind.Invalid ? Failure.NotFound("Contact.PersonNotFound") : denied;
            }

            query = query.Where(c => c.PersonId == personId);
        }
        else if (viewer.OnlyAssigned)
        {
            var userId = viewer.UserId;
            query = query.Where(c => db.People.Any(p => p.Id == c.PersonId && p.AssignedFieldRepId == userId));
        }

        if (filter.Channel is not null)
        {
            var channel = ContactAccess.Channel(filter.Channel);
            if (channel.Failure is { } invalid)
            {
                return invalid;
            }

            var value = channel.Value;
            query = query.Where(c => c.Channel == value);
        }

        if (filter.HasRecording is { } hasRecording)
        {
            query = query.Where(c => c.HasRecording == hasRecording);
        }

        if (filter.From is { } since)
        {
            var at = since.ToUniversalTime();
            query = query.Where(c => c.StartedAt >= at);
        }

        if (filter.To is { } until)
        {
            var at = until.ToUniversalTime();
            query = query.Where(c => c.StartedAt < at);
        }

        var contacts = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(filter.Limit).ToListAsync(cancellationToken);
        if (auditRead)
        {
            // Every person whose contacts (notes included) this page shows, in one entry, filter or no filter.
            await reads.RecordAsync(contacts.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value), "contacts", cancellationToken);
        }

        ContactView[] found = [.. await views.BuildAsync(contacts, viewer.Masked, cancellationToken)];
        return found;
    }
}
