using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// One scan of the nothing-lost detector (F14): asks every rule what holds now, raises a finding for each new
/// condition, resolves the open findings whose condition cleared, in one transaction; then tells the open pages.
/// </summary>
public sealed class DetectLostWork(CareDeskDbContext db, IEnumerable<IFindingRule> rules, IOptions<NothingLostOptions> options, FindingsHub hub, TimeProvider clock)
{
    public async Task<FindingsChanged> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = options.Value.MaxFindingsPerRule;
        int raised = 0, resolved = 0;
        foreach (var rule in rules)
        {
            var detected = await rule.DetectAsync(now, limit, cancellationToken);
            var open = await db.Findings.Where(f => f.Rule == rule.Name && f.ResolvedAt == null).ToListAsync(cancellationToken);
            var openSubjects = open.Select(f => f.Subject).ToHashSet(StringComparer.Ordinal);
            foreach (var condition in detected.Where(d => !openSubjects.Contains(d.Subject)))
            {
                db.Findings.Add(new Finding
                {
                    Rule = rule.Name,
                    Subject = condition.Subject,
                    CaseId = condition.CaseId,
                    UserId = condition.UserId,
                    Detail = condition.Detail,
                    RaisedAt = now,
                });
                raised++;
            }

            // A capped answer does not say the rest cleared: resolve only when the rule saw everything.
            if (detected.Count < limit)
            {
                var holding = detected.Select(d => d.Subject).ToHashSet(StringComparer.Ordinal);
                foreach (var cleared in open.Where(f => !holding.Contains(f.Subject)))
                {
                    cleared.ResolvedAt = now;
                    resolved++;
                }
            }
        }

        if (raised + resolved > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var changed = new FindingsChanged(raised, resolved);
        if (raised + resolved > 0)
        {
            hub.Publish(FindingsHub.Group, changed);
        }

        return changed;
    }
}
