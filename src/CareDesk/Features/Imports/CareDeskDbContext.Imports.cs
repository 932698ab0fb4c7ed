using CareDesk.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<ImportRun> Imports => Set<ImportRun>();

    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    public DbSet<ImportRow> ImportRows => Set<ImportRow>();

    public DbSet<ImportSource> ImportSources => Set<ImportSource>();

    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();
}
