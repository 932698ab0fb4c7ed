using System.ComponentModel.DataAnnotations;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Contacts;

/// <summary>
/// An agent corrects a contact at the version they read: channel, direction, times, hold, agent, outcome, notes,
/// subject (each field as sent; left out is cleared). A change saved meanwhile (by another agent or the phone system)
/// is a conflict, never overwritten unseen.
/// </summary>
public sealed class UpdateContact(CareDeskDbContext db, ContactAccess access, ContactViews views)
{
    public sealed record Request(
        [property: Required] string? Version,
        [property: Required] string? Channel,
        [property: Required] string? Direction,
        Guid? PersonId = null,
        DateTimeOffset? StartedAt = null,
        DateTimeOffset? QueuedAt = null,
        DateTimeOffset? AnsweredAt = null,
        DateTimeOffset? EndedAt = null,
        [property: Range(0, 604_800)] int HoldSeconds = 0,
        [property: Range(0, 1_000)] int HoldCount = 0,
        [property: MaxLength(450)] string? AgentUserId = null,
        [property: MaxLength(64)] string? Outcome = null,
        [property: MaxLength(4000)] string? Notes = null,
        [property: MaxLength(200)] string? Subject = null);

    public async Task<Result<ContactView>> RunAsync(Guid id, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, viewer, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var contact = loaded.Value!;
        if (!Guid.TryParse(request.Version, out var version))
        {
            return Failure.Invalid("version", "Contact.VersionInvalid");
        }

        if (version != contact.Version)
        {
            return Failure.Conflict("Contact.Conflict");
        }

        var channel = ContactAccess.Channel(request.Channel);
        var direction = ContactAccess.Direction(request.Direction);
        if ((channel.Failure ?? direction.Failure ?? ContactAccess.CheckTimes(request.StartedAt, request.QueuedAt, request.AnsweredAt, request.EndedAt)) is { } invalid)
        {
            return invalid;
        }

        if (request.PersonId is { } personId && contact.PersonId is { } stored && stored != personId)
        {
            return Failure.Invalid("personId", "Contact.OtherPerson");
        }

        if ((await access.CheckPersonAsync(request.PersonId ?? contact.PersonId, viewer, cancellationToken)
                ?? await access.CheckUserAsync(request.AgentUserId, "agentUserId", cancellationToken)) is { } wrong)
        {
            return wrong;
        }

        contact.Channel = channel.Value;
        contact.Direction = direction.Value;
        contact.PersonId ??= request.PersonId;
        contact.StartedAt = request.StartedAt?.ToUniversalTime() ?? contact.StartedAt;
        contact.QueuedAt = request.QueuedAt;
        contact.AnsweredAt = request.AnsweredAt;
        contact.EndedAt = request.EndedAt;
        contact.HoldSeconds = request.HoldSeconds;
        contact.HoldCount = request.HoldCount;
        contact.AgentUserId = request.AgentUserId;
        contact.Outcome = ContactAccess.Clean(request.Outcome);
        if (MaskedNotes(contact.Notes, request.Notes, viewer) is { } masked)
        {
            return masked;
        }

        contact.Notes = viewer.Masked && contact.Notes is not null ? contact.Notes : ContactAccess.Clean(request.Notes);
        contact.Subject = ContactAccess.Clean(request.Subject);
        contact.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Contact.Conflict");
        }

        return await views.BuildAsync(contact, viewer.Masked, cancellationToken);
    }

    // A masked viewer read "***" for stored notes: sending that back keeps them, and it may write notes where there
    // were none, but it can neither replace nor clear notes it never saw.
    private static Failure? MaskedNotes(string? stored, string? requested, PersonViewer viewer) =>
        viewer.Masked && stored is not null && requested != Masking.Hidden
            ? new Failure(FailureKind.Forbidden, "Contact.MaskedNotes", "notes")
            : null;
}
