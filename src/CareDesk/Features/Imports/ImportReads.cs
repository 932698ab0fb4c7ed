using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Imports;

/// <summary>Reading imports: the list, one import, a page of its report's rows (audited: they hold personal data).</summary>
public sealed class ImportReads(CareDeskDbContext db, PersonReads reads, TimeProvider time)
{
    public sealed record RowsPage(int Total, IReadOnlyList<ImportRowView> Rows);

    public async Task<IReadOnlyList<ImportView>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var runs = await db.Imports.AsNoTracking().Include(i => i.Files).OrderByDescending(i => i.CreatedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. runs.Select(r => ImportView.Of(r, now))];
    }

    public async Task<Result<ImportView>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Imports.AsNoTracking().Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } run
            ? ImportView.Of(run, time.GetUtcNow())
            : Failure.NotFound("Import.NotFound");

    public async Task<Result<RowsPage>> RowsAsync(Guid id, string? status, int skip, int take, CancellationToken cancellationToken)
    {
        ImportRowStatus? filter = null;
        if (status is not null)
        {
            if (!KebabCase.TryParse(status, out ImportRowStatus parsed))
            {
                return Failure.Invalid("status", "Import.RowStatusInvalid", string.Join(", ", Enum.GetValues<ImportRowStatus>().Select(KebabCase.Of)));
            }

            filter = parsed;
        }

        if (skip < 0)
        {
            return Failure.Invalid("skip", "Import.SkipInvalid");
        }

        if (take is < 1 or > 1_000)
        {
            return Failure.Invalid("take", "Import.TakeInvalid", 1_000);
        }

        if (!await db.Imports.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Failure.NotFound("Import.NotFound");
        }

        var rows = db.ImportRows.AsNoTracking().Where(r => r.ImportId == id);
        if (filter is { } only)
        {
            rows = rows.Where(r => r.Status == only);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.FileIndex).ThenBy(r => r.Record).Skip(skip).Take(take).ToListAsync(cancellationToken);
        // The rows name people: reading them is a read of the import's personal data.
        await reads.RecordAsync(page.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value), "import rows", cancellationToken);
        return new RowsPage(total, [.. page.Select(ImportRowView.Of)]);
    }
}
