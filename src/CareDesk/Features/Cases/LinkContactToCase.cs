using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Puts a call, e-mail, chat or visit on the case's timeline (F10, F11): the person's own, or one from someone they are
/// reached through (<see cref="CaseCaller"/>). Linking the same contact again changes nothing.
/// </summary>
public sealed class LinkContactToCase(CareDeskDbContext db, CaseAccess access, CaseCaller callers)
{
    public sealed record Request([property: Required] Guid? ContactId);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;
        var contactId = request.ContactId!.Value;
        if ((await callers.CheckAsync(contactId, found.PersonId, cancellationToken)).Failure is { } notLinkable)
        {
            return notLinkable;
        }

        if (await db.CaseEntries.AnyAsync(e => e.CaseId == id && e.ContactId == contactId, cancellationToken))
        {
            return found.Id;
        }

        await callers.ClaimAsync(contactId, found.PersonId, cancellationToken);
        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.ContactLinked,
            At = access.Now(),
            ActorUserId = actor.UserId,
            ContactId = contactId,
        }, cancellationToken);
    }
}
