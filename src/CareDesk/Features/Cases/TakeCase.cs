using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Cases;

/// <summary>
/// "I'll take it": the caller becomes the owner of a case in a queue (or someone else's). Two agents taking the same
/// case at once both send the version they saw; exactly one wins, the other gets a conflict.
/// </summary>
public sealed class TakeCase(CaseAccess access)
{
    public sealed record Request([property: Required] string Version);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadForChangeAsync(id, request.Version ?? "", actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;

        if (!found.IsOpen)
        {
            return Failure.Invalid("status", "Case.NotOpen");
        }

        var me = CaseOwner.User(actor.UserId);
        if (found.Owner == me)
        {
            return found.Id;
        }

        var from = found.Owner.ToString();
        found.OwnedBy(me);
        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.Taken,
            At = access.Now(),
            ActorUserId = actor.UserId,
            FromOwner = from,
            ToOwner = me.ToString(),
        }, cancellationToken);
    }
}
