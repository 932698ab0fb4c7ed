using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Quality enters a model's units in use (or shipped) per month, the denominators of its complaint rates; a month entered
/// again is replaced. They win over the device registry's count for those months.
/// </summary>
public sealed class SetDenominators(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record MonthUnits([property: Required, MaxLength(7)] string Month, [property: Range(0, 1_000_000_000_000)] long Units);

    public sealed record Request([property: Required, MaxLength(64)] string ModelId, [property: Required, MaxLength(240)] IReadOnlyList<MonthUnits> Months);

    public sealed record View(string ModelId, IReadOnlyList<MonthView> Months);

    public sealed record MonthView(string Month, long Units, string EnteredBy, DateTimeOffset EnteredAt);

    public async Task<Result<View>> RunAsync(Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var parsed = new Dictionary<int, long>();
        for (var i = 0; i < request.Months.Count; i++)
        {
            if (!TrendMonth.TryParse(request.Months[i].Month, out var month))
            {
                return Failure.Invalid($"months[{i}].month", "Trend.MonthInvalid", request.Months[i].Month);
            }

            if (!parsed.TryAdd(month, request.Months[i].Units))
            {
                return Failure.Invalid($"months[{i}].month", "Trend.MonthTwice", request.Months[i].Month);
            }
        }

        var modelId = request.ModelId.Trim();
        if (!await db.ProductModels.AnyAsync(m => m.Id == modelId, cancellationToken))
        {
            return Failure.NotFound("modelId", "Trend.ModelUnknown", modelId);
        }

        var months = parsed.Keys.ToList();
        var existing = await db.Set<TrendDenominator>().Where(d => d.ModelId == modelId && months.Contains(d.Month))
            .ToDictionaryAsync(d => d.Month, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (month, units) in parsed)
        {
            if (!existing.TryGetValue(month, out var row))
            {
                row = new TrendDenominator { ModelId = modelId, Month = month, EnteredBy = actor.UserId };
                db.Set<TrendDenominator>().Add(row);
            }

            row.Units = units;
            row.EnteredBy = actor.UserId;
            row.EnteredAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.Set<TrendDenominator>().AsNoTracking().Where(d => d.ModelId == modelId).OrderBy(d => d.Month).ToListAsync(cancellationToken);
        return new View(modelId, [.. saved.Select(d => new MonthView(TrendMonth.Format(d.Month), d.Units, d.EnteredBy, d.EnteredAt))]);
    }
}
