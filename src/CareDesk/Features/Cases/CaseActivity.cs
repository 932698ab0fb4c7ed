using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CareDesk.Features.Cases;

/// <summary>
/// Keeps <see cref="Case.LastActivityAt"/> true: every timeline entry about to be saved moves its case's last
/// activity, whichever use case wrote it. Runs before each save, ahead of the audit (registered in <c>AddCases</c>);
/// the case is tracked by every writer of an entry (each loads the case it changes).
/// </summary>
internal sealed class CaseActivity : IPendingChangesInterceptor
{
    public void SavingChanges(ChangeTracker changes)
    {
        var added = changes.Entries<CaseEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var cases = changes.Entries<Case>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        foreach (var entry in added)
        {
            if (cases.TryGetValue(entry.CaseId, out var touched) && touched.LastActivityAt < entry.At)
            {
                touched.LastActivityAt = entry.At;
            }
        }
    }
}
