using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Which contact a case of a person may link, and who made it (F10, F11). A call concerns the caller or anyone reached
/// through them (<see cref="LookupCallers.ReachesAsync"/>): when 王丽 calls about her father, his case links her call and
/// names her as the caller. A contact of anyone else is refused, as is one that does not exist. A contact not yet
/// anyone's (an unknown number) becomes the person's once the agent links it.
/// </summary>
public sealed class CaseCaller(CareDeskDbContext db, LookupCallers lookup)
{
    /// <summary>
    /// Who called on the person's behalf when <paramref name="contactId"/> may be linked to a case of
    /// <paramref name="personId"/> (null when it was the person or no one known yet), or the failure naming <c>contactId</c>.
    /// </summary>
    public async Task<Result<Guid?>> CheckAsync(Guid contactId, Guid personId, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.PersonId }).SingleOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return Failure.Invalid("contactId", "Case.ContactNotFound");
        }

        if (contact.PersonId is not { } caller || caller == personId)
        {
            return (Guid?)null;
        }

        return await lookup.ReachesAsync(caller, personId, cancellationToken)
            ? caller
            : Failure.Invalid("contactId", "Case.ContactNotFound");
    }

    /// <summary>A contact not yet anyone's (an unknown number) becomes the person's once linked to their case; saved with the case.</summary>
    public async Task ClaimAsync(Guid contactId, Guid personId, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId, cancellationToken);
        contact.PersonId ??= personId;
    }
}
