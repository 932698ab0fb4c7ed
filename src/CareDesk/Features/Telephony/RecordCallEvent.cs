using System.Text.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Telephony;

/// <summary>
/// One event from the phone system (F9, F10): every call becomes one <see cref="Contact"/> (source
/// <c>telephony</c>, external id = call id) whose timings fill in as its events arrive, in any order. A repeated
/// event id has no second effect: the processed-event row is inserted in the same save as the effect, and a
/// unique-key race on it counts as a duplicate. A <c>ringing</c> event for a known agent pops the caller on their desktop;
/// <c>answered</c>, <c>ended</c> and <c>missed</c> update the state shown on that card.
/// <c>hold</c>/<c>unhold</c> add up the hold time, <c>transfer</c> records who passed the call to whom, and
/// <c>recording</c> links the phone system's recording of the call.
/// </summary>
public sealed class RecordCallEvent(
    IDbContextFactory<CareDeskDbContext> dbs,
    PhoneNumberParser phones,
    IScreenPopPublisher screenPops,
    TimeProvider time)
{
    public const string Source = "telephony";

    public static readonly IReadOnlyList<string> Types = ["ringing", "answered", "ended", "missed", "hold", "unhold", "transfer", "recording"];

    /// <param name="TransferTo">For <c>transfer</c>: the agent (e-mail or extension) or the number the call went to.</param>
    /// <param name="RecordingUrl">For <c>recording</c>: where the phone system keeps the call's recording.</param>
    public sealed record Request(
        string? EventId, string? CallId, string? Type, string? From, string? To, string? Agent, DateTimeOffset? At,
        string? TransferTo = null, string? RecordingUrl = null);

    /// <param name="Duplicate">The event id was seen before; nothing changed.</param>
    public sealed record Response(Guid ContactId, bool Duplicate, bool AgentKnown, Guid? PersonId);

    // The first key of the advisory locks that hold one call (PostgreSQL); the second is the hash of the call id.
    private const int CallLockSpace = 74170002;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the raw body (already authenticated by its signature) into a request, or names what is wrong.</summary>
    public static Result<Request> Parse(ReadOnlySpan<byte> body)
    {
        Request? request;
        try
        {
            request = JsonSerializer.Deserialize<Request>(body, Json);
        }
        catch (JsonException error)
        {
            var field = error.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Failure.Invalid(field, "Event.Malformed");
        }

        return request is null ? Failure.Invalid("body", "Event.Malformed") : request;
    }

    public async Task<Result<Response>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        // The events of one call are applied one at a time (ApplyAsync locks the call), so they neither race to create
        // its contact nor to update it. An API client filling in the same contact meanwhile (source telephony, the call
        // id as external id) may still meet the unique key or the contact's new version: then this tries again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (response, pops) = await ApplyAsync(request, cancellationToken);
                // Only after the commit: a pop names a contact that exists, so "open" and "new case" on it work.
                foreach (var pop in pops)
                {
                    await screenPops.PublishAsync(pop, cancellationToken);
                }

                return response;
            }
            catch (DbUpdateException error) when (attempt < 5 && !DatabaseOutage.IsUnavailable(error))
            {
                // Retried: on the next attempt a processed event id is a duplicate, an existing contact is updated.
            }
        }
    }

    private static Failure? Validate(Request request)
    {
        if (string.IsNullOrWhiteSpace(request.EventId) || request.EventId.Length > 128)
        {
            return Failure.Invalid("eventId", "Event.IdRequired");
        }

        if (string.IsNullOrWhiteSpace(request.CallId) || request.CallId.Length > 128)
        {
            return Failure.Invalid("callId", "Event.CallIdRequired");
        }

        if (request.Type is null || !Types.Contains(request.Type))
        {
            return Failure.Invalid("type", "Event.TypeInvalid", string.Join(", ", Types));
        }

        if (request.At is null)
        {
            return Failure.Invalid("at", "Event.AtRequired");
        }

        if (request.From?.Length > 64)
        {
            return Failure.Invalid("from", "Event.TooLong");
        }

        if (request.To?.Length > 64)
        {
            return Failure.Invalid("to", "Event.TooLong");
        }

        if (request.Agent?.Length > 256)
        {
            return Failure.Invalid("agent", "Event.TooLong");
        }

        if (request.Type == "transfer" && (string.IsNullOrWhiteSpace(request.TransferTo) || request.TransferTo.Length > 128))
        {
            return Failure.Invalid("transferTo", "Event.TransferToRequired");
        }

        var url = request.RecordingUrl;
        if (request.Type == "recording" && (url is null || url.Length > 2048 || ContactAccess.CheckRecordingUrl(url) is not null))
        {
            return Failure.Invalid("recordingUrl", "Event.RecordingUrlInvalid");
        }

        return null;
    }

    private async Task<(Response Response, IReadOnlyList<ScreenPopRequest> Pops)> ApplyAsync(Request request, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var eventId = request.EventId!;
        var callId = request.CallId!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockCallAsync(db, callId, cancellationToken);

        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Source == Source && c.ExternalId == callId, cancellationToken);
        if (await db.ProcessedWebhookEvents.AnyAsync(e => e.Source == Source && e.EventId == eventId, cancellationToken))
        {
            return (new Response(contact?.Id ?? Guid.Empty, Duplicate: true, AgentKnown: contact?.AgentUserId is not null, contact?.PersonId), []);
        }

        var at = request.At!.Value.ToUniversalTime();
        var from = phones.TryParse(request.From);
        if (contact is null)
        {
            contact = new Contact
            {
                Source = Source,
                ExternalId = callId,
                Channel = ContactChannel.Phone,
                Direction = ContactDirection.Inbound,
                StartedAt = at,
            };
            db.Contacts.Add(contact);
        }

        contact.FromAddress ??= from?.E164 ?? Blank(request.From);
        contact.ToAddress ??= phones.TryParse(request.To)?.E164 ?? Blank(request.To);
        // Events may come out of order: the call started at the earliest time any of its events names.
        if (at < contact.StartedAt)
        {
            contact.StartedAt = at;
        }

        var events = db.Set<CallEvent>();
        var earlier = await events.AsNoTracking().Where(e => e.ContactId == contact.Id).ToListAsync(cancellationToken);
        var callEvent = new CallEvent { ContactId = contact.Id, Type = request.Type!, At = at };
        events.Add(callEvent);
        switch (request.Type)
        {
            case "ringing":
                contact.RingingAt = Earliest(contact.RingingAt, at);
                break;
            case "answered":
                contact.AnsweredAt = Earliest(contact.AnsweredAt, at);
                break;
            case "ended":
                contact.EndedAt = Latest(contact.EndedAt, at);
                break;
            case "missed":
                contact.Missed = true;
                contact.EndedAt = Latest(contact.EndedAt, at);
                break;
            case "recording":
                contact.RecordingUrl = request.RecordingUrl!.Trim();
                contact.HasRecording = true;
                break;
            default:
                break;
        }

        if (request.Type is "hold" or "unhold" or "ended" or "missed")
        {
            FoldHold(contact, [.. earlier, callEvent]);
        }

        // An unknown agent does not lose the call: it is recorded without one (the phone system may ring a
        // queue or an extension nobody has claimed yet). The one who answered wins over the one it rang first, and the
        // one a later transfer passed the call to wins over both, whatever order their events arrive in.
        var agentId = await FindAgentAsync(db, request.Agent, cancellationToken);
        var lastTransferAt = earlier.Where(e => e.Type == "transfer").Select(e => (DateTimeOffset?)e.At).Max();
        if (request.Type == "transfer")
        {
            // From the agent who passed it on (the event's agent, else whoever had the call) to the one it went to; a
            // target that is no CareDesk user (an outside number, a department's line) is kept as it was sent.
            var target = await FindAgentAsync(db, request.TransferTo, cancellationToken);
            db.ContactTransfers.Add(new ContactTransfer
            {
                ContactId = contact.Id,
                At = at,
                FromUserId = agentId ?? contact.AgentUserId,
                ToUserId = target,
                ToAddress = target is null ? request.TransferTo!.Trim() : null,
            });
            if (target is not null && (lastTransferAt is null || at >= lastTransferAt))
            {
                contact.AgentUserId = target;
            }
        }
        else if (agentId is not null
            && (contact.AgentUserId is null || (request.Type == "answered" && (lastTransferAt is null || at >= lastTransferAt))))
        {
            contact.AgentUserId = agentId;
        }

        if (contact.PersonId is null && from is not null)
        {
            // The one rule that turns a number into people (LookupCallers), on this transaction's connection.
            contact.PersonId = await new LookupCallers(db).FindContactPersonAsync(from.E164, cancellationToken);
        }

        // A new version for every change: an agent's edit made before this event is then a conflict, not a silent overwrite.
        contact.Version = Guid.NewGuid();
        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { Source = Source, EventId = eventId, ReceivedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return (new Response(contact.Id, Duplicate: false, AgentKnown: agentId is not null, contact.PersonId), Pops(request.Type!, agentId, contact, callId, from?.E164, Blank(request.From), at));
    }

    /// <summary>
    /// A <c>ringing</c> pops the caller at the agent it rings; <c>answered</c>, <c>ended</c> and <c>missed</c> move the
    /// state of the card already open at the agents of the call (the event's and the one holding it), so the card never
    /// calls a ringing call answered. The state is the contact's after this event, whatever order the events came in.
    /// </summary>
    private static List<ScreenPopRequest> Pops(string type, string? agentId, Contact contact, string callId, string? fromE164, string? fromRaw, DateTimeOffset at)
    {
        var state = contact switch
        {
            { Missed: true } => CallState.Missed,
            { EndedAt: not null } => CallState.Ended,
            { AnsweredAt: not null } => CallState.Answered,
            _ => CallState.Ringing,
        };
        if (type == "ringing")
        {
            return agentId is null ? [] : [new ScreenPopRequest(agentId, contact.Id, callId, fromE164, fromRaw, at, state)];
        }

        if (type is not ("answered" or "ended" or "missed"))
        {
            return [];
        }

        return [.. new[] { agentId, contact.AgentUserId }.OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(agent => new ScreenPopRequest(agent, contact.Id, callId, fromE164, fromRaw, at, state, StateOnly: true))];
    }

    /// <summary>
    /// Holds the call until this transaction ends, so its events are applied one after another on every node.
    /// SQLite: the transaction began IMMEDIATE and already holds the database's only write lock. PostgreSQL: a
    /// transaction-scoped advisory lock on the call id (its two-key space, apart from the audit chain's one-key lock).
    /// </summary>
    private static async Task LockCallAsync(CareDeskDbContext db, string callId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CallLockSpace}, hashtext({callId}))", cancellationToken);
        }
    }

    private static async Task<string?> FindAgentAsync(CareDeskDbContext db, string? agent, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(agent))
        {
            return null;
        }

        var value = agent.Trim();
        var normalized = value.ToUpperInvariant();
        var ids = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (u.NormalizedEmail == normalized || u.PhoneExtension == value))
            .Select(u => u.Id)
            .OrderBy(id => id)
            .Take(2)
            .ToListAsync(cancellationToken);
        // Two users sharing an extension is a configuration error: pop nobody rather than the wrong person.
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>
    /// The hold time from all the call's events in the order of their timestamps: a <c>hold</c> opens a hold (a second
    /// one while on hold changes nothing), an <c>unhold</c>, <c>ended</c> or <c>missed</c> closes it. A call with no
    /// <c>hold</c> event keeps what is stored (an API client may have sent its hold time).
    /// </summary>
    private static void FoldHold(Contact contact, IReadOnlyList<CallEvent> events)
    {
        if (!events.Any(e => e.Type == "hold"))
        {
            return;
        }

        DateTimeOffset? open = null;
        var seconds = 0;
        var count = 0;
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (e.Type == "hold")
            {
                open ??= e.At;
            }
            else if (e.Type is "unhold" or "ended" or "missed" && open is { } started)
            {
                seconds += (int)Math.Max(0, (e.At - started).TotalSeconds);
                count++;
                open = null;
            }
        }

        contact.HoldSeconds = seconds;
        contact.HoldCount = count;
        contact.HoldStartedAt = open;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c < at ? c : at;

    private static DateTimeOffset Latest(DateTimeOffset? current, DateTimeOffset at) => current is { } c && c > at ? c : at;
}
