using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Cases;

/// <summary>A note on the timeline, or the answer given to the caller (kept on the case as well).</summary>
public sealed class AddCaseNote(CaseAccess access)
{
    public sealed record Request([property: Required, MaxLength(8000)] string Text, bool IsAnswer = false);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Failure.Invalid("text", "Case.NoteRequired");
        }

        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;
        var text = request.Text.Trim();
        if (request.IsAnswer)
        {
            found.Answer = text;
        }

        if (found.Status == CaseStatus.New && found.OwnerUserId == actor.UserId)
        {
            // The owner has started working on it.
            found.Status = CaseStatus.InProgress;
        }

        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = request.IsAnswer ? CaseEntryKind.Answer : CaseEntryKind.Note,
            At = access.Now(),
            ActorUserId = actor.UserId,
            Text = text,
        }, cancellationToken);
    }
}
