using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Relationship> Relationships => Set<Relationship>();
}
