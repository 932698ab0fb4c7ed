using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Devices;

/// <summary>A person's devices with their warranty state and history, newest first.</summary>
public sealed class ListPersonDevices(CareDeskDbContext db, DeviceAccess access, PersonReads reads)
{
    public async Task<Result<DeviceView[]>> RunAsync(Guid personId, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await access.CheckPersonAsync(personId, actor, cancellationToken) is { } denied)
        {
            if (denied.Kind == FailureKind.Forbidden)
            {
                await reads.RecordDeniedAsync(AuditSubject.EntityType, personId.ToString(), personId, "devices", cancellationToken);
            }

            return denied;
        }

        await reads.RecordAsync([personId], "devices", cancellationToken);
        var devices = await db.Devices.AsNoTracking().Include(d => d.Events)
            .Where(d => d.PersonId == personId).ToListAsync(cancellationToken);
        var modelIds = devices.Select(d => d.ModelId).Distinct().ToList();
        var models = await db.ProductModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var today = access.Today();
        return devices
            .OrderBy(d => d.Status).ThenByDescending(d => d.Id)
            .Select(d => DeviceAccess.View(d, models.GetValueOrDefault(d.ModelId), today))
            .ToArray();
    }
}
