using CareDesk.Features.Devices;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceEvent> DeviceEvents => Set<DeviceEvent>();
}
