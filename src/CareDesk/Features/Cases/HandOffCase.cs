using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Cases;

/// <summary>
/// Gives a case to another person, a team's queue or a department (quality, repair, medical, sales, logistics), and
/// back again (F11, F13). A handoff without a note is refused: the next owner must not have to ask the caller again.
/// </summary>
public sealed class HandOffCase(CaseAccess access)
{
    public sealed record Request(
        [property: MaxLength(450)] string? ToUserId,
        [property: MaxLength(64)] string? ToTeam,
        [property: Required, MaxLength(8000)] string Note,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Case.HandoffNoteRequired");
        }

        var loaded = await access.LoadForChangeAsync(id, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;

        if (!found.IsOpen)
        {
            return Failure.Invalid("status", "Case.NotOpen");
        }

        var owner = await access.ResolveOwnerAsync(request.ToUserId, request.ToTeam, cancellationToken);
        if (owner.Failure is { } noOwner)
        {
            return noOwner;
        }

        if (owner.Value == found.Owner)
        {
            return Failure.Invalid(request.ToUserId is null ? "toTeam" : "toUserId", "Case.AlreadyOwner");
        }

        var from = found.Owner.ToString();
        found.OwnedBy(owner.Value);
        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.Handoff,
            At = access.Now(),
            ActorUserId = actor.UserId,
            Text = request.Note.Trim(),
            FromOwner = from,
            ToOwner = owner.Value.ToString(),
        }, cancellationToken);
    }
}
