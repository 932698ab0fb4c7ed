using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

public sealed class ListManufacturers(CareDeskDbContext db)
{
    public async Task<IReadOnlyList<ManufacturerView>> RunAsync(CancellationToken cancellationToken) =>
        (await db.Manufacturers.AsNoTracking().OrderBy(m => m.NameEn).ToListAsync(cancellationToken)).Select(ManufacturerView.From).ToList();
}
