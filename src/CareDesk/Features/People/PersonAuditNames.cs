using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>People by name in the audit page's sentences ("王芳 changed 王建国's phone number").</summary>
internal sealed class PersonAuditNames : IAuditRecordNames
{
    public string Pages => AuditSentences.PeoplePages;

    public Task<Dictionary<Guid, string>> NamesAsync(CareDeskDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
}
