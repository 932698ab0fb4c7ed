using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Complaints.Reportability;

namespace CareDesk.Features.Catalog;

/// <summary>The wire shape of a model's regulatory profile: <c>GET</c>/<c>PUT /api/catalog/models/{id}/regulatory</c>.</summary>
public sealed record RegulatoryProfile(
    [property: Required, MaxLength(64)] string Version,
    [property: Required, MaxLength(3)] IReadOnlyList<RegulatoryMarket> Markets,
    int Revision = 0,
    DateTimeOffset? SavedAt = null,
    string? SavedBy = null)
{
    /// <summary>The engine's view of it: a market missing from the profile is unknown.</summary>
    public IReadOnlyList<MarketProfile> ForEngine() =>
        [.. Markets.Select(m => new MarketProfile(Enum.Parse<Market>(m.Market), m.Sold, m.Ivd, m.Regulation, m.DeviceClass, m.ProductCode, m.InnovativeFirstCycle))];
}
