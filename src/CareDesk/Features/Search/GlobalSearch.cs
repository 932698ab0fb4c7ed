using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Search;

/// <summary>
/// The top bar's one box (issue 11, item 5): what the text names among people (any part of a name or number, pinyin,
/// e-mail: <see cref="SearchPeople"/>), cases (by the number a caller reads out), devices (by serial number) and catalog
/// models (names, aliases, printed text, model numbers), grouped by kind. Each group applies its own access rules:
/// a field rep finds only their own customers and their cases and devices; a masked viewer sees numbers masked.
/// </summary>
public sealed class GlobalSearch(CareDeskDbContext db, SearchPeople people, ListCases cases, SearchModels models, PersonReads reads)
{
    /// <summary>Most results per kind: the box shows a short list to pick from, the search pages the rest.</summary>
    public const int PerKind = 8;

    public sealed record Results(
        IReadOnlyList<SearchPeople.Hit> People,
        IReadOnlyList<CaseSummary> Cases,
        IReadOnlyList<DeviceHit> Devices,
        IReadOnlyList<ModelSummary> Models);

    public sealed record DeviceHit(Guid DeviceId, string SerialNumber, string ModelId, string ModelNameEn, string? ModelNameZh, Guid PersonId, string PersonName);

    public async Task<Results> RunAsync(string? query, PersonViewer viewer, StaffActor actor, CancellationToken cancellationToken)
    {
        var q = query?.Trim() ?? "";
        if (q.Length == 0 || q.Length > 200)
        {
            return new Results([], [], [], []);
        }

        // A serial's owner is listed under devices, with the device, not a second time under people.
        var found = (await people.RunAsync(q, viewer, cancellationToken)).Where(h => h.MatchedBy != "serial").Take(PerKind).ToList();
        var byNumber = CaseNumbers.Normalize(q) is null
            ? []
            : (await cases.RunAsync(new ListCases.Filter(Number: q, Limit: PerKind), actor, cancellationToken)).Value ?? [];
        var devices = await DevicesAsync(q, actor, cancellationToken);
        var matchingModels = q.Length < 2 ? [] : (await models.RunAsync(new SearchModels.Query(Text: q), cancellationToken)).Take(PerKind).ToList();

        // The people named beside a case or a device were shown too (F32); the people search audited its own.
        await reads.RecordAsync(byNumber.Select(c => c.PersonId).Concat(devices.Select(d => d.PersonId)), "search", cancellationToken);
        return new Results(found, byNumber, devices, matchingModels);
    }

    private async Task<List<DeviceHit>> DevicesAsync(string serial, StaffActor actor, CancellationToken cancellationToken)
    {
        var assignedTo = actor.OwnCustomersOnly ? actor.UserId : null;
        return await db.Devices.AsNoTracking()
            .Where(d => d.SerialNumber == serial)
            .Join(db.People.Where(p => assignedTo == null || p.AssignedFieldRepId == assignedTo), d => d.PersonId, p => p.Id, (d, p) => new { d, p })
            .Join(db.ProductModels, x => x.d.ModelId, m => m.Id,
                (x, m) => new DeviceHit(x.d.Id, x.d.SerialNumber!, m.Id, m.NameEn, m.NameZh, x.p.Id, x.p.DisplayName))
            .Take(PerKind)
            .ToListAsync(cancellationToken);
    }
}
