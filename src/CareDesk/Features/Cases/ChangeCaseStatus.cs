using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Cases;

/// <summary>
/// Moves a case through its life: new → in progress ⇄ waiting on the customer → resolved (with the resolution) →
/// closed, and reopened (with a reason) when the problem comes back.
/// </summary>
public sealed class ChangeCaseStatus(CaseAccess access)
{
    public sealed record Request(
        [property: Required] string Status,
        [property: MaxLength(8000)] string? Resolution = null,
        [property: MaxLength(8000)] string? Note = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!CaseTerms.Statuses.TryGetValue(request.Status, out var status))
        {
            return Failure.Invalid("status", "Case.StatusInvalid", CaseTerms.List(CaseTerms.Statuses));
        }

        var loaded = await access.LoadForChangeAsync(id, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;

        if (found.MergedIntoCaseId is not null)
        {
            return Failure.Invalid("status", "Case.Merged");
        }

        if (status == found.Status)
        {
            return found.Id;
        }

        if (status is CaseStatus.Resolved or CaseStatus.Closed && found.HoldsComplaint && found.Type == CaseType.Question)
        {
            return Failure.Invalid("type", "Case.ComplaintNotQuestion");
        }

        var now = access.Now();
        var reopening = !found.IsOpen && status is not (CaseStatus.Resolved or CaseStatus.Closed);
        switch (status)
        {
            case CaseStatus.New:
                return Failure.Invalid("status", "Case.CannotBecomeNew");
            case CaseStatus.Resolved:
                var resolution = request.Resolution?.Trim();
                if (string.IsNullOrEmpty(resolution))
                {
                    return Failure.Invalid("resolution", "Case.ResolutionRequired");
                }

                found.Resolution = resolution;
                found.ResolvedAt = now;
                break;
            case CaseStatus.Closed:
                if (found.Status != CaseStatus.Resolved)
                {
                    return Failure.Invalid("status", "Case.CloseOnlyResolved");
                }

                found.ClosedAt = now;
                break;
            default:
                if (reopening)
                {
                    if (string.IsNullOrWhiteSpace(request.Note))
                    {
                        return Failure.Invalid("note", "Case.ReopenNoteRequired");
                    }

                    found.ReopenCount++;
                    found.ResolvedAt = null;
                    found.ClosedAt = null;
                }

                break;
        }

        found.Status = status;
        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.StatusChanged,
            At = now,
            ActorUserId = actor.UserId,
            Status = status,
            Text = status == CaseStatus.Resolved ? found.Resolution : string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        }, cancellationToken);
    }
}
