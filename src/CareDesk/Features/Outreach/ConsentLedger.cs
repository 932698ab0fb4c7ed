using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A person's consent and disclosure ledgers (F19) as the person page shows them: the consent in force per purpose and
/// channel (derived from the newest entry, never stored apart), every entry newest first, do-not-contact now and its
/// history, and what was shared with whom. A read of the person's record, audited.
/// </summary>
public sealed class ConsentLedger(CareDeskDbContext db, PersonReads reads)
{
    public sealed record View(
        bool DoNotContact,
        IReadOnlyList<ConsentState> InForce,
        IReadOnlyList<ConsentEntryView> Entries,
        IReadOnlyList<DoNotContactView> DoNotContactHistory,
        IReadOnlyList<DisclosureView> Disclosures);

    public async Task<Result<View>> RunAsync(Guid personId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (await OutreachPerson.CheckAsync(db, personId, viewer, cancellationToken) is { } denied)
        {
            if (denied.Kind == FailureKind.Forbidden)
            {
                await reads.RecordDeniedAsync(AuditSubjectType, personId.ToString(), personId, "consent-ledger", cancellationToken);
            }

            return denied;
        }

        var entries = await db.ConsentEntries.AsNoTracking().Where(e => e.PersonId == personId)
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        var dnc = await db.DoNotContactEntries.AsNoTracking().Where(e => e.PersonId == personId)
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        var shared = await db.Disclosures.AsNoTracking().Where(d => d.PersonId == personId)
            .OrderByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        await reads.RecordAsync([personId], "consent-ledger", cancellationToken);

        var inForce = entries.GroupBy(e => (e.Purpose, e.Channel))
            .Select(g => g.First())
            .OrderBy(e => e.Purpose).ThenBy(e => e.Channel)
            .Select(e => new ConsentState(OutreachTerms.Of(e.Purpose), OutreachTerms.Of(e.Channel), e.Granted, e.RecordedAt, e.Id))
            .ToList();
        return new View(
            dnc.FirstOrDefault()?.Active ?? false,
            inForce,
            entries.ConvertAll(ConsentEntryView.Of),
            dnc.ConvertAll(DoNotContactView.Of),
            shared.ConvertAll(DisclosureView.Of));
    }

    private const string AuditSubjectType = CareDesk.Platform.Audit.AuditSubject.EntityType;
}
