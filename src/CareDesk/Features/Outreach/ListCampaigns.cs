using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>Every campaign, newest first (supervisors).</summary>
public sealed class ListCampaigns(CareDeskDbContext db)
{
    public async Task<List<CampaignView>> RunAsync(CancellationToken cancellationToken) =>
        (await db.Campaigns.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(c => c.CreatedAt).Select(CampaignView.Of).ToList();
}
