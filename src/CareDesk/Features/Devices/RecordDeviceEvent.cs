using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Devices;

/// <summary>Adds a repair, replacement, return or note to a device's history (cases will add their own).</summary>
public sealed class RecordDeviceEvent(CareDeskDbContext db, DeviceAccess access, TimeProvider clock)
{
    public sealed record Request([property: Required] string Kind, [property: MaxLength(2000)] string? Notes = null, DateTimeOffset? At = null);

    public async Task<Result<DeviceView>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!DeviceTerms.EventKinds.TryGetValue(request.Kind, out var kind))
        {
            return Failure.Invalid("kind", "Device.EventKindInvalid", string.Join(", ", DeviceTerms.EventKinds.Keys));
        }

        var now = clock.GetUtcNow();
        if (request.At > now)
        {
            return Failure.Invalid("at", "Device.EventInFuture");
        }

        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var device = loaded.Value!;
        db.DeviceEvents.Add(new DeviceEvent
        {
            DeviceId = device.Id,
            Kind = kind,
            At = request.At ?? now,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            RecordedBy = actor.UserId,
        });
        return await DeviceChanges.SaveAsync(db, access, device, cancellationToken);
    }
}
