using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>
/// Quality or an admin saves a model's regulatory profile as a new revision; the earlier revisions stay. The request
/// carries the version it read: another save in between makes it a conflict, never a silent overwrite.
/// </summary>
public sealed class SaveRegulatoryProfile(CareDeskDbContext db, TimeProvider time)
{
    private static readonly Dictionary<string, string[]> Classes = new(StringComparer.Ordinal)
    {
        ["US"] = ["I", "II", "III"],
        ["MDR"] = ["I", "IIa", "IIb", "III"],
        ["IVDR"] = ["A", "B", "C", "D"],
        ["CN"] = ["I", "II", "III"],
    };

    public async Task<Result<RegulatoryProfile>> RunAsync(string modelId, RegulatoryProfile request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        if (!Guid.TryParse(request.Version, out var version))
        {
            return Failure.Invalid("version", "Version.Invalid");
        }

        if (!await db.ProductModels.AnyAsync(m => m.Id == modelId, cancellationToken))
        {
            return Failure.NotFound("Model.NotFound");
        }

        var current = await GetRegulatoryProfile.CurrentAsync(db, modelId, cancellationToken);
        if (current.Version != version.ToString())
        {
            return Failure.Conflict("Regulatory.Conflict");
        }

        var revision = current.Revision + 1;
        var newVersion = Guid.NewGuid();
        var now = time.GetUtcNow();
        foreach (var market in request.Markets)
        {
            db.RegulatoryProfiles.Add(new RegulatoryProfileEntry
            {
                ModelId = modelId,
                Revision = revision,
                Version = newVersion,
                Market = market.Market,
                Sold = market.Sold,
                Ivd = market.Ivd,
                Regulation = market.Market == "EU" ? market.Regulation : null,
                DeviceClass = string.IsNullOrWhiteSpace(market.DeviceClass) ? null : market.DeviceClass.Trim(),
                ProductCode = market.Market == "US" && !string.IsNullOrWhiteSpace(market.ProductCode) ? market.ProductCode.Trim().ToUpperInvariant() : null,
                InnovativeFirstCycle = market.Market == "CN" ? market.InnovativeFirstCycle : null,
                RegistrationNumber = string.IsNullOrWhiteSpace(market.RegistrationNumber) ? null : market.RegistrationNumber.Trim(),
                SavedAt = now,
                SavedBy = actor.UserId,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save took this revision number between our read and our write: the unique index caught it.
            return Failure.Conflict("Regulatory.Conflict");
        }

        return await GetRegulatoryProfile.CurrentAsync(db, modelId, cancellationToken);
    }

    private static Failure? Check(RegulatoryProfile request)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Markets.Count; i++)
        {
            var market = request.Markets[i];
            var field = $"markets[{i}]";
            if (!GetRegulatoryProfile.Markets.Contains(market.Market))
            {
                return Failure.Invalid($"{field}.market", "Regulatory.MarketInvalid");
            }

            if (!seen.Add(market.Market))
            {
                return Failure.Invalid($"{field}.market", "Regulatory.MarketTwice");
            }

            if (market.Regulation is not null && (market.Market != "EU" || market.Regulation is not ("MDR" or "IVDR")))
            {
                return Failure.Invalid($"{field}.regulation", "Regulatory.RegulationInvalid");
            }

            var scheme = market.Market == "EU" ? market.Regulation ?? (market.Ivd == true ? "IVDR" : "MDR") : market.Market;
            if (!string.IsNullOrWhiteSpace(market.DeviceClass) && !Classes[scheme].Contains(market.DeviceClass.Trim()))
            {
                return Failure.Invalid($"{field}.deviceClass", "Regulatory.ClassInvalid", string.Join(", ", Classes[scheme]));
            }

            if (market.ProductCode is { Length: > 0 } code && (market.Market != "US" || code.Trim().Length != 3 || !code.Trim().All(char.IsAsciiLetter)))
            {
                return Failure.Invalid($"{field}.productCode", "Regulatory.ProductCodeInvalid");
            }

            if (!string.IsNullOrWhiteSpace(market.RegistrationNumber) && market.Market != "CN")
            {
                return Failure.Invalid($"{field}.registrationNumber", "Regulatory.RegistrationNumberChinaOnly");
            }
        }

        return null;
    }
}
