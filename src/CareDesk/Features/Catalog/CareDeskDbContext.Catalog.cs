using CareDesk.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Manufacturer> Manufacturers => Set<Manufacturer>();

    public DbSet<ProductModel> ProductModels => Set<ProductModel>();

    public DbSet<ModelLink> ModelLinks => Set<ModelLink>();

    public DbSet<RegulatoryProfileEntry> RegulatoryProfiles => Set<RegulatoryProfileEntry>();

    public DbSet<ModelLinkTombstone> ModelLinkTombstones => Set<ModelLinkTombstone>();
}
