using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>The checks every target rule passes (a campaign's, a recall's): known models, windows that are not empty.</summary>
internal static class TargetRules
{
    public static async Task<Failure?> CheckAsync(CareDeskDbContext db, TargetRule rule, string field, CancellationToken cancellationToken)
    {
        if (rule.ProductIds is [_, ..] ids)
        {
            var wanted = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var known = await db.ProductModels.Where(m => wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
            var unknown = ids.Any(string.IsNullOrWhiteSpace) ? "" : wanted.Except(known, StringComparer.Ordinal).FirstOrDefault();
            if (unknown is not null)
            {
                return Failure.Invalid($"{field}.productIds", "Campaign.ProductUnknown", unknown);
            }
        }

        if (rule.PurchasedFrom > rule.PurchasedTo)
        {
            return Failure.Invalid($"{field}.purchasedTo", "Campaign.WindowEmpty");
        }

        if (rule.RegisteredFrom > rule.RegisteredTo)
        {
            return Failure.Invalid($"{field}.registeredTo", "Campaign.WindowEmpty");
        }

        if (rule.LastContactAfter > rule.LastContactBefore)
        {
            return Failure.Invalid($"{field}.lastContactBefore", "Campaign.WindowEmpty");
        }

        return null;
    }
}
