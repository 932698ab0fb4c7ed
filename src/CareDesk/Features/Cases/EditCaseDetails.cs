using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Cases;

/// <summary>
/// Changes what a case is about: its description and the device concerned (F11). Sent with the version the editor read:
/// a change saved meanwhile is a conflict, never overwritten. The device must be one the case may concern
/// (<see cref="CaseDevices"/>); null clears it. The timeline says what changed.
/// </summary>
public sealed class EditCaseDetails(CaseAccess access, CaseDevices devices)
{
    public sealed record Request(
        [property: MaxLength(8000)] string? Description,
        Guid? DeviceId,
        [property: Required] string Version);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadForChangeAsync(id, request.Version ?? "", actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;

        if (request.DeviceId is { } deviceId && deviceId != found.DeviceId && await devices.CheckAsync(deviceId, found.PersonId, cancellationToken) is { } notTheirs)
        {
            return notTheirs;
        }

        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var changed = new List<string>();
        if (description != found.Description)
        {
            changed.Add("description");
            found.Description = description;
        }

        if (request.DeviceId != found.DeviceId)
        {
            changed.Add("device");
            found.DeviceId = request.DeviceId;
        }

        if (changed.Count == 0)
        {
            return found.Id;
        }

        return await access.SaveAsync(found, new CaseEntry
        {
            Kind = CaseEntryKind.DetailsChanged,
            At = access.Now(),
            ActorUserId = actor.UserId,
            Text = string.Join(",", changed),
        }, cancellationToken);
    }
}
