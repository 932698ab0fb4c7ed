using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>A model's regulatory profile in force: its latest revision, every market shown (unknown where not stored).</summary>
public sealed class GetRegulatoryProfile(CareDeskDbContext db)
{
    internal static readonly string[] Markets = ["US", "EU", "CN"];

    public async Task<Result<RegulatoryProfile>> RunAsync(string modelId, CancellationToken cancellationToken)
    {
        if (!await db.ProductModels.AnyAsync(m => m.Id == modelId, cancellationToken))
        {
            return Failure.NotFound("Model.NotFound");
        }

        return await CurrentAsync(db, modelId, cancellationToken);
    }

    internal static async Task<RegulatoryProfile> CurrentAsync(CareDeskDbContext db, string modelId, CancellationToken cancellationToken)
    {
        var latest = await db.RegulatoryProfiles.AsNoTracking().Where(e => e.ModelId == modelId)
            .OrderByDescending(e => e.Revision).Select(e => (int?)e.Revision).FirstOrDefaultAsync(cancellationToken);
        var rows = latest is null
            ? []
            : await db.RegulatoryProfiles.AsNoTracking().Where(e => e.ModelId == modelId && e.Revision == latest).ToListAsync(cancellationToken);
        var first = rows.FirstOrDefault();
        return new RegulatoryProfile(
            first?.Version.ToString() ?? Guid.Empty.ToString(),
            [.. Markets.Select(market => rows.FirstOrDefault(r => r.Market == market) is { } row
                ? new RegulatoryMarket(market, row.Sold, row.Ivd, row.Regulation, row.DeviceClass, row.ProductCode, row.InnovativeFirstCycle, row.RegistrationNumber)
                : new RegulatoryMarket(market, null, null, null, null, null, null))],
            latest ?? 0,
            first?.SavedAt,
            first?.SavedBy);
    }
}
