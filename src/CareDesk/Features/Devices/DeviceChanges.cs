using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Devices;

internal static class DeviceChanges
{
    /// <summary>Saves with a new version; a writer who read the same version meanwhile loses with a conflict.</summary>
    public static async Task<Result<DeviceView>> SaveAsync(CareDeskDbContext db, DeviceAccess access, Device device, CancellationToken cancellationToken)
    {
        device.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Device.Conflict");
        }

        return await access.ViewAsync(device, cancellationToken);
    }
}
