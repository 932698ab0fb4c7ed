using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Staff;

/// <summary>
/// Demo mode only: the front line's week from today on the two-shift template (the agent and the outsourced agent
/// in turn), and a few skills. Idempotent: adds nothing while the front line has shifts ahead.
/// </summary>
internal sealed class ShiftSeeder(CareDeskDbContext db, ApplyShiftTemplate template, IOptions<DemoOptions> demo, IOptions<ShiftOptions> shifts, TimeProvider time) : IDataSeeder
{
    // After the teams whose members it puts on shift.
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        await SeedSkillsAsync(cancellationToken);
        if (await db.WorkShifts.AnyAsync(s => s.TeamId == TeamSeeder.FrontLine && s.EndsAt > now, cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, shifts.Value.Zone).Date);
        var agents = await DemoIdsAsync([Roles.Agent, Roles.OutsourcedAgent], cancellationToken);
        if (agents.Count == 0)
        {
            return;
        }

        // Shifts from yesterday, so someone is on shift right now even before today's day shift.
        // A clash with shifts someone planned by hand is refused as a whole: the week then stays as they planned it.
        _ = await template.RunAsync(new ApplyShiftTemplate.Request(TeamSeeder.FrontLine, today.AddDays(-1), today.AddDays(6), agents), cancellationToken);
    }

    private async Task SeedSkillsAsync(CancellationToken cancellationToken)
    {
        (string Role, string[] Languages, string[] Products, int Tier)[] demoSkills =
        [
            (Roles.Agent, ["zh", "yue"], ["roche", "sinocare"], 1),
            (Roles.OutsourcedAgent, ["zh", "en"], [], 1),
            (Roles.Expert, ["zh", "en"], ["medtronic", "roche"], 3),
        ];
        var known = await db.Manufacturers.Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var (role, languages, products, tier) in demoSkills)
        {
            var ids = await DemoIdsAsync([role], cancellationToken);
            if (ids.Count == 1 && !await db.StaffSkills.AnyAsync(s => s.UserId == ids[0], cancellationToken))
            {
                db.StaffSkills.Add(new StaffSkills { UserId = ids[0], Languages = [.. languages], Products = [.. products.Where(known.Contains)], Tier = tier });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<string>> DemoIdsAsync(string[] roles, CancellationToken cancellationToken)
    {
        var emails = roles.Select(r => UserSeeder.DemoEmail(r).ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
        return [.. emails.SelectMany(e => users.Where(u => u.NormalizedEmail == e).Select(u => u.Id))];
    }
}
