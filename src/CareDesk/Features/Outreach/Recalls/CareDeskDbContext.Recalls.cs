using CareDesk.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of recall tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Recall> Recalls => Set<Recall>();

    public DbSet<RecallDevice> RecallDevices => Set<RecallDevice>();

    public DbSet<RecallShipmentItem> RecallShipmentItems => Set<RecallShipmentItem>();
}
