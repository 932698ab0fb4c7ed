using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Looks at one model's trend for one problem code in the month a complaint was coded in, and raises a
/// <see cref="TrendSignal"/> the first time that month signals: saved with an e-mail to every quality user through the
/// outbox and any <see cref="ITrendSignalObserver"/>'s work, then shown live on their open desktops. A planted rise alerts
/// in the month it happens, as soon as the complaint that crosses the limit is coded.
/// </summary>
public sealed class TrendWatch(CareDeskDbContext db, GetTrend trend, TrendAlertHub hub, IEnumerable<ITrendSignalObserver> observers, TimeProvider clock)
{
    public const string EuTrendReport = "eu-trend-report";

    public async Task<TrendSignal?> CheckAsync(string modelId, string code, int month, CancellationToken cancellationToken)
    {
        var chart = await trend.ChartAsync(modelId, code, month, month, UChartRules.Default, cancellationToken);
        var point = chart[^1].Point;
        if (point.Signal is null
            || await db.Set<TrendSignal>().AnyAsync(s => s.ModelId == modelId && s.Code == code && s.Month == month, cancellationToken))
        {
            return null;
        }

        var signal = new TrendSignal
        {
            ModelId = modelId,
            Code = code,
            Month = month,
            Rule = point.Signal,
            // Every significant rise is a candidate for MDR Art. 88 / IVDR Art. 83: quality decides whether the model is
            // sold in the EU and the rise is of non-serious incidents or expected side-effects (docs/complaints.md).
            Kind = EuTrendReport,
            Complaints = point.Complaints,
            Units = point.Units,
            Rate = point.Rate ?? 0,
            CentreLine = point.CentreLine ?? 0,
            ActionLimit = point.UpperAction ?? 0,
            RaisedAt = clock.GetUtcNow(),
        };
        db.Set<TrendSignal>().Add(signal);
        foreach (var observer in observers)
        {
            await observer.OnRaisedAsync(signal, cancellationToken);
        }

        var model = await db.ProductModels.AsNoTracking().Where(m => m.Id == modelId).Select(m => new { m.NameEn, m.NameZh }).SingleAsync(cancellationToken);
        var alert = new TrendAlert(signal.Id, modelId, model.NameEn, code, TrendMonth.Format(month), signal.Rule, signal.Complaints, signal.Units);
        var recipients = await StaffRecipient.LoadAsync(db, await StaffRecipient.InRoleAsync(db, Roles.Quality, cancellationToken), cancellationToken);
        foreach (var user in recipients.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            db.OutboxMessages.Add(OutboxMessage.Create(TrendAlertEmail.MessageType,
                TrendAlertEmail.Payload(alert with { ModelName = user.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(model.NameZh) ? model.NameZh : model.NameEn }, user.Email!, user.DisplayName, user.Language),
                clock.GetUtcNow()));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another coding of the same month raised it first (the unique index): once is enough.
            db.ChangeTracker.Clear();
            return null;
        }

        foreach (var user in recipients)
        {
            hub.Publish(user.Id, alert);
        }

        return signal;
    }
}
