using CareDesk.Features.People.Merging;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's set of this feature's table, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
}
