using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Records what happened to one affected device outside a recall call (F21a): the person confirmed they understood
/// (a signed reply form, a service visit), the device came back, or it was corrected in the field. A returned device
/// is marked returned in the device registry too, with an event naming the recall.
/// </summary>
public sealed class RecordRecallDevice(CareDeskDbContext db, TimeProvider clock)
{
    public enum Action
    {
        Confirmed,
        Returned,
        Corrected,
    }

    public sealed record DeviceView(Guid RecallId, Guid DeviceId, Guid PersonId, string? MatchedBy, DateTimeOffset? NotifiedAt, string? NotifiedBy,
        DateTimeOffset? ReachedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? ReturnedAt, DateTimeOffset? CorrectedAt, string? Outcome)
    {
        public static DeviceView Of(RecallDevice d) =>
            new(d.RecallId, d.DeviceId, d.PersonId, d.MatchedBy, d.NotifiedAt, d.NotifiedBy, d.ReachedAt, d.ConfirmedAt, d.ReturnedAt, d.CorrectedAt, d.Outcome);
    }

    public async Task<Result<DeviceView>> RunAsync(Guid recallId, Guid deviceId, Action action, string userId, CancellationToken cancellationToken)
    {
        if (await db.Recalls.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recallId, cancellationToken) is not { } recall)
        {
            return Failure.NotFound("Recall.NotFound");
        }

        if (await db.RecallDevices.SingleOrDefaultAsync(d => d.RecallId == recallId && d.DeviceId == deviceId, cancellationToken) is not { } tracked)
        {
            return Failure.NotFound("Recall.DeviceNotAffected");
        }

        var now = clock.GetUtcNow();
        tracked.UpdatedAt = now;
        switch (action)
        {
            case Action.Confirmed:
                // A confirmation the person gave means they had the notice: notified and reached with it.
                tracked.NotifiedAt ??= now;
                tracked.ReachedAt ??= now;
                tracked.ConfirmedAt ??= now;
                break;
            case Action.Returned:
                tracked.ReturnedAt ??= now;
                var device = await db.Devices.SingleAsync(d => d.Id == deviceId, cancellationToken);
                if (device.Status != DeviceStatus.Returned)
                {
                    db.DeviceEvents.Add(new DeviceEvent { DeviceId = device.Id, Kind = DeviceEventKind.StatusChanged, At = now, FromStatus = device.Status, ToStatus = DeviceStatus.Returned, RecordedBy = userId, Notes = recall.Name });
                    device.Status = DeviceStatus.Returned;
                    device.Version = Guid.NewGuid();
                }

                break;
            default:
                tracked.CorrectedAt ??= now;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return DeviceView.Of(tracked);
    }
}
