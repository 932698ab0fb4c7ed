using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareDesk.Platform.Audit;

/// <summary>
/// Wakes the sealer after a commit of a transaction a caller began itself (the audit trail cannot see when it
/// commits). A commit that wrote no entry costs the sealer one empty look.
/// </summary>
internal sealed class AuditSealSignal(AuditSealer sealer) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => sealer.Wake();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        sealer.Wake();
        return Task.CompletedTask;
    }
}
