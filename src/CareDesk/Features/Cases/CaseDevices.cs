using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Which devices a case of a person may concern: the person's own, or those of a patient reached through them (王丽's case
/// about her father's meter: she is his caregiver, <see cref="LookupCallers.ReachesAsync"/>). One rule for opening a
/// case and for changing its device later.
/// </summary>
public sealed class CaseDevices(CareDeskDbContext db, LookupCallers lookup)
{
    /// <summary>A device the case may name, labelled in the reader's language; <paramref name="OwnerName"/> when it is not the person's own.</summary>
    public sealed record Choice(Guid Id, string Label, string? OwnerName);

    /// <summary>Null when <paramref name="deviceId"/> may be the device of a case of <paramref name="personId"/>, else the failure naming <c>deviceId</c>.</summary>
    public async Task<Failure?> CheckAsync(Guid deviceId, Guid personId, CancellationToken cancellationToken)
    {
        var owner = await db.Devices.AsNoTracking().Where(d => d.Id == deviceId).Select(d => (Guid?)d.PersonId).SingleOrDefaultAsync(cancellationToken);
        return owner is { } found && await lookup.ReachesAsync(personId, found, cancellationToken)
            ? null
            : Failure.Invalid("deviceId", "Case.DeviceNotPersons");
    }

    public async Task<Choice[]> ChoicesAsync(Guid personId, CancellationToken cancellationToken)
    {
        var reached = db.Relationships.Where(r => r.FromPersonId == personId
                && (r.Kind == RelationshipKind.CaregiverOf || r.Kind == RelationshipKind.ParentOf))
            .Select(r => r.ToPersonId);
        var rows = await db.Devices.AsNoTracking()
            .Where(d => d.PersonId == personId || reached.Contains(d.PersonId))
            .Join(db.ProductModels, d => d.ModelId, m => m.Id, (d, m) => new { d.Id, d.PersonId, d.SerialNumber, m.NameEn, m.NameZh })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.Id, x.PersonId, x.SerialNumber, x.NameEn, x.NameZh, p.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.PersonId != personId).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new Choice(r.Id, Label(r.NameEn, r.NameZh, r.SerialNumber), r.PersonId == personId ? null : r.DisplayName))];
    }

    /// <summary>"三诺 安稳 血糖仪 · SN-123": the model's name in the reader's language and the serial number.</summary>
    public static string Label(string nameEn, string? nameZh, string? serialNumber) =>
        string.Join(" · ", new[] { CatalogNames.Of(nameEn, nameZh), serialNumber }.OfType<string>());
}
