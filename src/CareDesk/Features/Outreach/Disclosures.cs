using CareDesk.Platform.Data;

namespace CareDesk.Features.Outreach;

/// <summary>
/// How a feature that shares personal data records it in the disclosure ledger (F19): staged in the caller's save, so
/// the share and its record commit together. Campaign call-list exports use it; travel notices will.
/// </summary>
public sealed class Disclosures(CareDeskDbContext db, TimeProvider clock)
{
    public void Stage(IEnumerable<Guid> people, RecipientKind kind, string recipient, IReadOnlyList<string> data, string reason, string sharedBy, Guid? sourceId, string userId)
    {
        var now = clock.GetUtcNow();
        foreach (var person in people.Distinct())
        {
            db.Disclosures.Add(new Disclosure
            {
                PersonId = person,
                RecipientKind = kind,
                Recipient = recipient,
                Data = [.. data],
                Reason = reason,
                SharedBy = sharedBy,
                SourceId = sourceId,
                RecordedBy = userId,
                RecordedAt = now,
            });
        }
    }
}
