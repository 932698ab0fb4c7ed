using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The running campaigns an agent may take, as <see cref="TakeNextContact"/> asks for them on every claim. Kept for a
/// few seconds per node (the running campaigns, an agent's skills): reading them from the database on every claim was
/// two of a claim's statements. Stale for at most <see cref="Lifetime"/>, and only in what it adds: a campaign started
/// or resumed on another node, or an agent's new skill, is offered that much later (on this node a status change is
/// seen at once, <see cref="Forget"/>). A campaign paused or ended anywhere is never offered again: the due list
/// re-checks its status in the database.
/// </summary>
public sealed class RunningCampaigns(CareDeskDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    private const string RunningKey = "outreach:running";

    /// <summary>The running campaigns the agent may take, and the products they know (when any campaign asks).</summary>
    public async Task<(List<Campaign> Campaigns, List<string> Skills)> ForAsync(string agentUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = await cache.GetOrCreateAsync(RunningKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Running).ToListAsync(cancellationToken);
        }) ?? [];
        var open = running.Where(c => (c.StartsAt is null || c.StartsAt <= now) && (c.EndsAt is null || c.EndsAt > now)).ToList();
        if (open.All(c => c.RequiredSkill is null && !c.SkillFromDevice))
        {
            return (open, []);
        }

        var skills = await cache.GetOrCreateAsync($"outreach:skills:{agentUserId}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.StaffSkills.AsNoTracking().Where(s => s.UserId == agentUserId).Select(s => s.Products).FirstOrDefaultAsync(cancellationToken);
        }) ?? [];
        return (open.Where(c => c.RequiredSkill is null || skills.Contains(c.RequiredSkill, StringComparer.Ordinal)).ToList(), skills);
    }

    /// <summary>A campaign's status changed on this node: the next claim reads the running campaigns afresh.</summary>
    public void Forget() => cache.Remove(RunningKey);
}
