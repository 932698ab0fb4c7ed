using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// The scheduled look at every trend (F18), not only the ones a coding touches: units entered after the complaints were
/// coded, or a complaint cleared, move the limits, and a month may signal with nobody coding anything. Every model and
/// problem code (and each code's parents, which count their children) coded in the last <see cref="Months"/> months is
/// checked for each of those months; <see cref="TrendWatch"/> raises a signal once, as on coding.
/// </summary>
public sealed class RecheckTrends(CareDeskDbContext db, TrendWatch watch, TimeProvider clock)
{
    /// <summary>This month and the two before: units for a month are usually entered in the weeks after it ends.</summary>
    public const int Months = 3;

    /// <returns>How many signals were raised.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var thisMonth = TrendMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var first = thisMonth - Months + 1;
        var coded = await db.Set<ComplaintCode>().AsNoTracking()
            .Where(c => c.ModelId != null && c.Annex == 'A' && c.Month >= first && c.Month <= thisMonth)
            .Select(c => new { ModelId = c.ModelId!, c.Code })
            .Distinct()
            .ToListAsync(cancellationToken);
        var trends = coded
            .SelectMany(c => ImdrfTerms.Shipped.Ancestors(c.Code).Prepend(c.Code).Select(code => (c.ModelId, Code: code)))
            .Distinct()
            .OrderBy(t => t.ModelId, StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal);
        var raised = 0;
        foreach (var (modelId, code) in trends)
        {
            for (var month = first; month <= thisMonth; month++)
            {
                if (await watch.CheckAsync(modelId, code, month, cancellationToken) is not null)
                {
                    raised++;
                }
            }
        }

        return raised;
    }
}
