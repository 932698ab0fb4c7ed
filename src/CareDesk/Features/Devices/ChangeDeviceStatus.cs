using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Devices;

/// <summary>In use, replaced, returned, lost: each change is kept in the device's history.</summary>
public sealed class ChangeDeviceStatus(CareDeskDbContext db, DeviceAccess access, TimeProvider clock)
{
    public sealed record Request([property: Required] string Status, [property: MaxLength(2000)] string? Notes = null, string? Version = null);

    public async Task<Result<DeviceView>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!DeviceTerms.Statuses.TryGetValue(request.Status, out var status))
        {
            return Failure.Invalid("status", "Device.StatusInvalid", string.Join(", ", DeviceTerms.Statuses.Keys));
        }

        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var device = loaded.Value!;
        if (request.Version is not null && (!Guid.TryParse(request.Version, out var version) || version != device.Version))
        {
            return Failure.Conflict("Device.Conflict");
        }

        var previous = device.Status;
        device.Status = status;
        db.DeviceEvents.Add(new DeviceEvent
        {
            DeviceId = device.Id,
            Kind = DeviceEventKind.StatusChanged,
            At = clock.GetUtcNow(),
            FromStatus = previous,
            ToStatus = status,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            RecordedBy = actor.UserId,
        });
        return await DeviceChanges.SaveAsync(db, access, device, cancellationToken);
    }
}
