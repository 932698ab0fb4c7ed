using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareDesk.Platform.Data;

/// <summary>
/// Completes the changes of every save before the audit trail collects them, so what it sets is audited and written
/// in the same transaction: a column derived from other rows, kept true whichever use case wrote them (a case's last
/// activity from its new timeline entries). A feature registers it like EF Core's own save interceptors, as
/// <see cref="IInterceptor"/>; those run later, inside the write, and see changes the audit no longer does.
/// It may change tracked entities; it must not query or save.
/// </summary>
public interface IPendingChangesInterceptor : IInterceptor
{
    void SavingChanges(ChangeTracker changes);
}
