using CareDesk.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<Callback> Callbacks => Set<Callback>();

    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
}
