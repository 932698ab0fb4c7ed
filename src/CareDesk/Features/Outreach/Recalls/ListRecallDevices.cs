using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A recall's affected devices and what became of each (F21a), a page at a time, by owner's name: who owns it, what
/// selected it, when the owner was notified (and how), reached and confirmed, and whether it came back or was
/// corrected. A search finds a serial or lot exactly, or a part of the owner's name. Showing the owners is a read of
/// their records (F32).
/// </summary>
public sealed class ListRecallDevices(CareDeskDbContext db, PersonReads reads)
{
    public const int MaxTake = 200;

    public sealed record Row(
        Guid DeviceId, Guid PersonId, string PersonName, string ModelId, string ModelName, string? SerialNumber, string? LotNumber, string? MatchedBy,
        DateTimeOffset? NotifiedAt, string? NotifiedBy, DateTimeOffset? ReachedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? ReturnedAt,
        DateTimeOffset? CorrectedAt, string? Outcome);

    public sealed record Page(int Total, IReadOnlyList<Row> Rows);

    public async Task<Result<Page>> RunAsync(Guid recallId, string? search, int skip, int take, CancellationToken cancellationToken)
    {
        if (take is < 1 or > MaxTake)
        {
            return Failure.Invalid("take", "Recall.TakeInvalid", MaxTake);
        }

        if (skip < 0)
        {
            return Failure.Invalid("skip", "Recall.SkipInvalid");
        }

        if (!await db.Recalls.AnyAsync(r => r.Id == recallId, cancellationToken))
        {
            return Failure.NotFound("Recall.NotFound");
        }

        var rows = from tracked in db.RecallDevices.AsNoTracking()
                   join device in db.Devices on tracked.DeviceId equals device.Id
                   join person in db.People on tracked.PersonId equals person.Id
                   join model in db.ProductModels on device.ModelId equals model.Id
                   where tracked.RecallId == recallId
                   select new { tracked, device.ModelId, model.NameEn, model.NameZh, device.SerialNumber, device.LotNumber, person.DisplayName };
        if (search?.Trim() is { Length: > 0 } text)
        {
            rows = rows.Where(r => r.SerialNumber == text || r.LotNumber == text || r.DisplayName.Contains(text));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.DisplayName).ThenBy(r => r.tracked.PersonId).ThenBy(r => r.SerialNumber).ThenBy(r => r.tracked.DeviceId)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        await reads.RecordAsync(page.Select(r => r.tracked.PersonId), "recall-devices", cancellationToken);
        return new Page(total, page.Select(r => new Row(
            r.tracked.DeviceId, r.tracked.PersonId, r.DisplayName, r.ModelId, CatalogNames.Of(r.NameEn, r.NameZh), r.SerialNumber, r.LotNumber, r.tracked.MatchedBy,
            r.tracked.NotifiedAt, r.tracked.NotifiedBy, r.tracked.ReachedAt, r.tracked.ConfirmedAt, r.tracked.ReturnedAt, r.tracked.CorrectedAt, r.tracked.Outcome)).ToList());
    }
}
