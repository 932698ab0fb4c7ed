using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Complaints;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Records a contact on any channel (F10), from another system by API or by an agent by hand. Idempotent by
/// (source, external id): the same pair again updates the one contact (fields sent are set, fields left out are kept,
/// a transfer already recorded is not added twice) and never makes a second one, also when two posts race (the unique
/// key lets one insert; the other retries as an update).
/// </summary>
public sealed class LogContact(
    IDbContextFactory<CareDeskDbContext> dbs, ContactAccess access, ContactViews views, PhoneNumberParser phones, LookupCallers lookup, ScreenContact screening)
{
    public const string ApiSource = "api";
    public const string AgentSource = "agent";

    public sealed record TransferInput(
        [property: Required] DateTimeOffset? At,
        [property: MaxLength(450)] string? FromUserId = null,
        [property: MaxLength(64)] string? FromTeam = null,
        [property: MaxLength(450)] string? ToUserId = null,
        [property: MaxLength(64)] string? ToTeam = null,
        [property: MaxLength(128)] string? ToAddress = null,
        [property: MaxLength(500)] string? Note = null);

    public sealed record Request(
        [property: Required] string? Channel,
        [property: Required] string? Direction,
        [property: MaxLength(32)] string? Source = null,
        [property: MaxLength(128)] string? ExternalId = null,
        Guid? PersonId = null,
        DateTimeOffset? StartedAt = null,
        DateTimeOffset? QueuedAt = null,
        DateTimeOffset? AnsweredAt = null,
        DateTimeOffset? EndedAt = null,
        [property: Range(0, 604_800)] int? HoldSeconds = null,
        [property: Range(0, 1_000)] int? HoldCount = null,
        [property: MaxLength(50)] IReadOnlyList<TransferInput>? Transfers = null,
        [property: MaxLength(450)] string? AgentUserId = null,
        [property: MaxLength(64)] string? Outcome = null,
        [property: MaxLength(4000)] string? Notes = null,
        [property: MaxLength(200)] string? Subject = null,
        [property: MaxLength(2048)] string? RecordingUrl = null,
        [property: MaxLength(320)] string? From = null,
        [property: MaxLength(320)] string? To = null,
        Guid? CaseId = null,
        [property: MaxLength(16)] string? DeviceProblemAlleged = null);

    /// <param name="Created">A new contact (201); false when the external id was known (200).</param>
    public sealed record Logged(ContactView Contact, bool Created);

    /// <param name="receivingZone">Where the contact was received (the agent's zone): a complaint's day counts start there. UTC when not given.</param>
    public async Task<Result<Logged>> RunAsync(Request request, PersonViewer viewer, string defaultSource, CancellationToken cancellationToken, TimeZoneInfo? receivingZone = null)
    {
        var source = ContactAccess.Clean(request.Source) ?? defaultSource;
        if (!ContactAccess.IsSource(source))
        {
            return Failure.Invalid("source", "Contact.SourceInvalid");
        }

        if (request.ExternalId is not null && ContactAccess.Clean(request.ExternalId) is null)
        {
            return Failure.Invalid("externalId", "Contact.ExternalIdBlank");
        }

        var channel = ContactAccess.Channel(request.Channel);
        var direction = ContactAccess.Direction(request.Direction);
        if ((channel.Failure ?? direction.Failure ?? ContactAccess.CheckTimes(request.StartedAt, request.QueuedAt, request.AnsweredAt, request.EndedAt)
                ?? ContactAccess.CheckRecordingUrl(request.RecordingUrl)) is { } invalid)
        {
            return invalid;
        }

        // Screening (F15): a contact about a case must carry the answer; one without a case may (phone-system calls and
        // older clients send none, so it stays optional there).
        bool? alleged = null;
        if (request.DeviceProblemAlleged is not null || request.CaseId is not null)
        {
            var answer = ScreenContact.Parse(request.DeviceProblemAlleged);
            if (answer.Failure is { } unanswered)
            {
                return unanswered;
            }

            alleged = answer.Value;
        }

        var actor = new StaffActor(viewer.UserId, viewer.OnlyAssigned);
        if (request.CaseId is { } aboutCase && await screening.CheckCaseAsync(aboutCase, actor, cancellationToken) is { } wrongCase)
        {
            return wrongCase;
        }

        if ((await access.CheckPersonAsync(request.PersonId, viewer, cancellationToken)
                ?? await access.CheckUserAsync(request.AgentUserId, "agentUserId", cancellationToken)
                ?? await CheckTransfersAsync(request.Transfers ?? [], cancellationToken)) is { } wrong)
        {
            return wrong;
        }

        var from = ReadAddress(request.From, channel.Value);
        var to = ReadAddress(request.To, channel.Value);
        // Without a person named, the customer's number links the one who owns it, by the rule calls use (LookupCallers).
        var customerNumber = direction.Value == ContactDirection.Inbound ? from : to;
        Guid? ownerOfNumber = null;
        if (request.PersonId is null && customerNumber is { IsPhone: true } number)
        {
            ownerOfNumber = await lookup.FindContactPersonAsync(number.Value, cancellationToken, viewer.OnlyAssigned ? viewer.UserId : null);
        }

        // Two posts of one external id may race: the loser of the insert meets the unique key and comes back as an update.
        Result<Logged> logged;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                logged = await ApplyAsync(request, source, channel.Value, direction.Value, from?.Value, to?.Value, ownerOfNumber, alleged, viewer, cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // Retried with a fresh context: the contact now exists (or its version moved on) and is updated.
            }
        }

        if (request.CaseId is not { } caseId || logged.Failure is not null)
        {
            return logged;
        }

        // The contact is stored with its answer; now it goes on the case and a "yes" flags the complaint. Should this
        // fail (the case closed meanwhile), the contact stays and posting it again with its external id only retries this.
        var contactId = logged.Value!.Contact.Id;
        var screened = await screening.LinkAndFlagAsync(contactId, alleged!.Value, caseId, actor, receivingZone ?? TimeZoneInfo.Utc, cancellationToken);
        if (screened.Failure is { } notScreened)
        {
            return notScreened;
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Transfers).SingleAsync(c => c.Id == contactId, cancellationToken);
        return new Logged(await views.BuildAsync(contact, viewer.Masked, cancellationToken), logged.Value.Created);
    }

    private async Task<Result<Logged>> ApplyAsync(
        Request request,
        string source,
        ContactChannel channel,
        ContactDirection direction,
        string? from,
        string? to,
        Guid? ownerOfNumber,
        bool? alleged,
        PersonViewer viewer,
        CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var externalId = ContactAccess.Clean(request.ExternalId);
        var contact = externalId is null ? null : await db.Contacts.Include(c => c.Transfers)
            .SingleOrDefaultAsync(c => c.Source == source && c.ExternalId == externalId, cancellationToken);
        var created = contact is null;
        if (contact is null)
        {
            contact = new Contact { Source = source, ExternalId = externalId, StartedAt = Earliest(request) ?? access.Now() };
            db.Contacts.Add(contact);
        }
        else
        {
            if (!await access.MaySeeAsync(contact.PersonId, viewer, cancellationToken))
            {
                return new Failure(FailureKind.Forbidden, "Contact.Forbidden");
            }

            if (request.PersonId is { } personId && contact.PersonId is { } stored && stored != personId)
            {
                return Failure.Invalid("personId", "Contact.OtherPerson");
            }

            if (Earliest(request) is { } earliest && earliest < contact.StartedAt)
            {
                contact.StartedAt = earliest;
            }

            contact.Version = Guid.NewGuid();
        }

        contact.Channel = channel;
        contact.Direction = direction;
        contact.PersonId ??= request.PersonId ?? ownerOfNumber;
        contact.QueuedAt = request.QueuedAt ?? contact.QueuedAt;
        contact.AnsweredAt = request.AnsweredAt ?? contact.AnsweredAt;
        contact.EndedAt = request.EndedAt ?? contact.EndedAt;
        contact.HoldSeconds = request.HoldSeconds ?? contact.HoldSeconds;
        contact.HoldCount = request.HoldCount ?? contact.HoldCount;
        contact.AgentUserId = request.AgentUserId ?? contact.AgentUserId;
        contact.Outcome = ContactAccess.Clean(request.Outcome) ?? contact.Outcome;
        contact.Notes = ContactAccess.Clean(request.Notes) ?? contact.Notes;
        contact.Subject = ContactAccess.Clean(request.Subject) ?? contact.Subject;
        contact.FromAddress = from ?? contact.FromAddress;
        contact.ToAddress = to ?? contact.ToAddress;
        if (ContactAccess.Clean(request.RecordingUrl) is { } url)
        {
            contact.RecordingUrl = url;
            contact.HasRecording = true;
        }

        if (alleged is { } answer)
        {
            contact.DeviceProblemAlleged = answer;
            contact.ScreenedBy = viewer.UserId;
            contact.ScreenedAt = access.Now();
        }

        foreach (var transfer in request.Transfers ?? [])
        {
            var at = transfer.At!.Value.ToUniversalTime();
            if (!contact.Transfers.Any(t => t.At == at && t.ToUserId == transfer.ToUserId && t.ToTeamId == transfer.ToTeam && t.ToAddress == ContactAccess.Clean(transfer.ToAddress)))
            {
                db.ContactTransfers.Add(new ContactTransfer
                {
                    ContactId = contact.Id,
                    At = at,
                    FromUserId = transfer.FromUserId,
                    FromTeamId = transfer.FromTeam,
                    ToUserId = transfer.ToUserId,
                    ToTeamId = transfer.ToTeam,
                    ToAddress = ContactAccess.Clean(transfer.ToAddress),
                    Note = ContactAccess.Clean(transfer.Note),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Logged(await views.BuildAsync(contact, viewer.Masked, cancellationToken), created);
    }

    private async Task<Failure?> CheckTransfersAsync(IReadOnlyList<TransferInput> transfers, CancellationToken cancellationToken)
    {
        for (var i = 0; i < transfers.Count; i++)
        {
            var t = transfers[i];
            var targets = new[] { t.ToUserId, t.ToTeam, ContactAccess.Clean(t.ToAddress) }.Count(x => x is not null);
            if (targets != 1)
            {
                return Failure.Invalid($"transfers[{i}].toUserId", "Contact.TransferTargetExactlyOne");
            }

            if ((await access.CheckUserAsync(t.ToUserId, $"transfers[{i}].toUserId", cancellationToken)
                    ?? await access.CheckUserAsync(t.FromUserId, $"transfers[{i}].fromUserId", cancellationToken)
                    ?? await access.CheckTeamAsync(t.ToTeam, $"transfers[{i}].toTeam", cancellationToken)
                    ?? await access.CheckTeamAsync(t.FromTeam, $"transfers[{i}].fromTeam", cancellationToken)) is { } wrong)
            {
                return wrong;
            }
        }

        return null;
    }

    /// <summary>
    /// A number on a phone or SMS contact is stored as E.164 when it can be read (as calls from the phone system are),
    /// so the contact is found by number whatever format it was typed in; anything else is kept as sent.
    /// </summary>
    private ContactAddress? ReadAddress(string? value, ContactChannel channel)
    {
        if (ContactAccess.Clean(value) is not { } clean)
        {
            return null;
        }

        return channel is ContactChannel.Phone or ContactChannel.Sms && phones.TryParse(clean) is { } parsed
            ? new ContactAddress(parsed.E164, IsPhone: true)
            : new ContactAddress(clean, IsPhone: false);
    }

    private sealed record ContactAddress(string Value, bool IsPhone);

    private static DateTimeOffset? Earliest(Request request) =>
        new[] { request.StartedAt, request.QueuedAt, request.AnsweredAt, request.EndedAt }.Where(t => t is not null).Min()?.ToUniversalTime();
}
