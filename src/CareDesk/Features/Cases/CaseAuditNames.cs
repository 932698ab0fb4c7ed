using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>Cases by number in the audit page's sentences ("王芳 changed case V5PR-FWST's status").</summary>
internal sealed class CaseAuditNames : IAuditRecordNames
{
    public string Pages => AuditSentences.CasesPages;

    public Task<Dictionary<Guid, string>> NamesAsync(CareDeskDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
}
