using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>Puts a call, e-mail, chat or visit on the case's timeline (F10, F11). Linking the same contact again changes nothing.</summary>
public sealed class LinkContactToCase(CareDeskDbContext db, CaseAccess access)
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
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null || (contact.PersonId is { } other && other != found.PersonId))
        {
            return Failure.Invalid("contactId", "Case.ContactNotFound");
        }

        if (await db.CaseEntries.AnyAsync(e => e.CaseId == id && e.ContactId == contactId, cancellationToken))
        {
            return found.Id;
        }

        contact.PersonId ??= found.PersonId;
        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.ContactLinked,
            At = access.Now(),
            ActorUserId = actor.UserId,
            ContactId = contactId,
        }, cancellationToken);
    }
}
