using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Staff;

/// <summary>
/// Makes sure the front line, the experts and the five departments of PRODUCT.md exist (a case must always have
/// somewhere to go); admins may rename them and add more. In demo mode, puts the demo users in their teams.
/// Idempotent: runs at every start.
/// </summary>
internal sealed class TeamSeeder(CareDeskDbContext db, IOptions<DemoOptions> demo, TimeProvider time) : IDataSeeder
{
    public int Order => 20;

    public const string FrontLine = "front-line";
    public const string Experts = "experts";

    internal static readonly (string Id, string Name, string NameZh, bool Department)[] Defaults =
    [
        (FrontLine, "Front line", "一线坐席", false),
        (Experts, "On-duty experts", "值班专家", false),
        ("quality", "Quality", "质量部", true),
        ("repair", "Repair", "维修部", true),
        ("medical", "Medical", "医学部", true),
        ("sales", "Sales", "销售部", true),
        ("logistics", "Logistics", "物流部", true),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Teams.Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var team in Defaults.Where(d => !existing.Contains(d.Id)))
        {
            db.Teams.Add(new Team { Id = team.Id, Name = team.Name, NameZh = team.NameZh, IsDepartment = team.Department, CreatedAt = time.GetUtcNow() });
        }

        if (demo.Value.Enabled)
        {
            var demoMembers = new (string Role, string Team)[]
            {
                (Roles.Agent, FrontLine), (Roles.OutsourcedAgent, FrontLine), (Roles.Expert, Experts), (Roles.Quality, "quality"),
            };
            foreach (var (role, team) in demoMembers)
            {
                var email = UserSeeder.DemoEmail(role).ToUpperInvariant();
                var userId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (userId is not null && !await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == userId, cancellationToken))
                {
                    db.TeamMembers.Add(new TeamMember { TeamId = team, UserId = userId });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (demo.Value.Enabled)
        {
            await SeedDemoRosterAsync(cancellationToken);
        }
    }

    /// <summary>A week of day-long expert shifts from today: the expert first, the supervisor as backup.</summary>
    private async Task SeedDemoRosterAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await db.OnCallShifts.AnyAsync(s => s.TeamId == Experts && s.EndsAt > now, cancellationToken))
        {
            return;
        }

        var expert = UserSeeder.DemoEmail(Roles.Expert).ToUpperInvariant();
        var supervisor = UserSeeder.DemoEmail(Roles.Supervisor).ToUpperInvariant();
        var ids = await db.Users.Where(u => u.NormalizedEmail == expert || u.NormalizedEmail == supervisor)
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        if (ids.Count < 2)
        {
            return;
        }

        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            db.OnCallShifts.Add(new OnCallShift
            {
                TeamId = Experts,
                StartsAt = day.AddDays(i),
                EndsAt = day.AddDays(i + 1),
                PrimaryUserId = ids[expert],
                BackupUserIds = [ids[supervisor]],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
