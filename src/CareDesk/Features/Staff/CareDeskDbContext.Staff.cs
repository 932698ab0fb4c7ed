using CareDesk.Features.Staff;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Data;

// The context's sets of this feature's tables, declared here so that Platform names no feature (docs/adr/0005).
public sealed partial class CareDeskDbContext
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();

    public DbSet<WorkShift> WorkShifts => Set<WorkShift>();

    public DbSet<StaffSkills> StaffSkills => Set<StaffSkills>();

    public DbSet<StaffPresence> StaffPresence => Set<StaffPresence>();
}
