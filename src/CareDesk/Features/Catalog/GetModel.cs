using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>A model with its compatibility both ways: what it fits, what fits it, what it pairs with, what it is not.</summary>
public sealed class GetModel(CareDeskDbContext db)
{
    public async Task<Result<ModelDetail>> RunAsync(string id, CancellationToken cancellationToken)
    {
        if (await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } model)
        {
            return Failure.NotFound("Model.NotFound");
        }

        var links = await db.ModelLinks.AsNoTracking()
            .Where(l => l.FromModelId == id || l.ToModelId == id)
            .ToListAsync(cancellationToken);
        var otherIds = links.Select(l => l.FromModelId == id ? l.ToModelId : l.FromModelId).Distinct().ToList();
        var others = await db.ProductModels.AsNoTracking().Where(m => otherIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        LinkView View(ModelLink link, string otherId)
        {
            var other = others[otherId];
            return new LinkView(other.Id, other.NameEn, other.NameZh, other.Category, link.Uncertain, link.Condition, link.Reason);
        }

        // Pairings and negatives are symmetric facts; the seed stores most on both sides, an admin may add one side.
        IReadOnlyList<LinkView> BothWays(ModelLinkKind kind) =>
            links.Where(l => l.Kind == kind)
                .Select(l => View(l, l.FromModelId == id ? l.ToModelId : l.FromModelId))
                .GroupBy(v => v.ModelId)
                .Select(g => g.OrderByDescending(v => v.Uncertain).First())
                .OrderBy(v => v.Category).ThenBy(v => v.NameEn)
                .ToList();

        return new ModelDetail(
            model.Id, model.ManufacturerId, model.Brand, model.Category, model.Subtype, model.NameEn, model.NameZh,
            model.ModelNumbers, model.Aliases, model.UncertainAliases, model.PrintedText, model.VisualCues, model.Coding,
            model.Markets, model.Status, model.UdiDi, model.WarrantyMonths, model.WarrantyScope,
            model.RegulatoryKind?.ToString().ToLowerInvariant(), await GetRegulatoryProfile.CurrentAsync(db, id, cancellationToken),
            model.Disambiguation, model.Confidence, model.Notes,
            Fits: links.Where(l => l.Kind == ModelLinkKind.Fits && l.FromModelId == id).Select(l => View(l, l.ToModelId)).OrderBy(v => v.NameEn).ToList(),
            FittedBy: links.Where(l => l.Kind == ModelLinkKind.Fits && l.ToModelId == id).Select(l => View(l, l.FromModelId)).OrderBy(v => v.Category).ThenBy(v => v.NameEn).ToList(),
            WorksWith: BothWays(ModelLinkKind.WorksWith),
            NotCompatibleWith: BothWays(ModelLinkKind.NotCompatible),
            Version: model.Version);
    }
}
