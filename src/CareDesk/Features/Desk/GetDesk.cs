using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Desk;

/// <summary>
/// The agent's desk, the home page (story 1): my open cases by due time with their service-level state, my callbacks
/// promised for today (and overdue ones), escalations waiting for me and my recent contacts; for supervisors also every
/// team's queue with how much of it is at risk, the cases near or past their deadline and the escalations nobody has
/// acknowledged. Built from the work lists' own queries (<see cref="ListCases"/>) plus a count per team: a fixed number
/// of queries whatever the number of cases, and one audit entry naming every person shown.
/// </summary>
public sealed class GetDesk(ListCases work, CareDeskDbContext db, OwnerNames owners, PersonReads reads, TimeProvider clock)
{
    public const int MineShown = 20;
    public const int ContactsShown = 10;
    public const int AtRiskShown = 20;

    public sealed record Desk(
        IReadOnlyList<CaseSummary> Mine,
        IReadOnlyList<ListCases.CallbackDue> CallbacksToday,
        IReadOnlyList<ListCases.PendingEscalation> Escalations,
        IReadOnlyList<RecentContact> RecentContacts,
        Supervision? Supervision);

    /// <summary>A contact I handled: channel (<c>phone</c>, <c>email</c>…) and direction (<c>inbound</c>, <c>outbound</c>).</summary>
    public sealed record RecentContact(Guid Id, Guid? PersonId, string? PersonName, string Channel, string Direction, DateTimeOffset StartedAt, bool Missed, string? Subject);

    /// <summary>For supervisors and admins: every team's queue, what is at risk, escalations nobody acknowledged.</summary>
    public sealed record Supervision(IReadOnlyList<QueueLoad> Queues, IReadOnlyList<CaseSummary> AtRisk, IReadOnlyList<UnacknowledgedEscalation> Unacknowledged);

    /// <summary>Open cases in a team's queue, and how many of them are in warning or breached.</summary>
    public sealed record QueueLoad(string TeamId, string Name, int Open, int Warning, int Breached);

    public sealed record UnacknowledgedEscalation(Guid EscalationId, Guid CaseId, string CaseNumber, string Subject, OwnerView? Alerted, DateTimeOffset? AcknowledgeBy);

    /// <param name="zone">The reader's time zone: "today" ends at their midnight.</param>
    public async Task<Desk> RunAsync(StaffActor actor, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var mine = (await work.FindAsync(new WorkFilter(Owner: "me", Sort: WorkFilter.Due), actor, cancellationToken, MineShown)).Value ?? [];
        var endOfToday = EndOfDay(clock.GetUtcNow(), zone);
        var callbacks = (await work.CallbacksDueAsync(actor.UserId, cancellationToken)).Where(c => c.DueAt < endOfToday).ToList();
        var escalations = await work.PendingEscalationsAsync(actor, cancellationToken);
        var contacts = await RecentContactsAsync(actor, cancellationToken);
        var supervision = actor.Supervises ? await SupervisionAsync(actor, cancellationToken) : null;

        // Everyone whose name this desk shows, in one entry (F32).
        await reads.RecordAsync(
            mine.Select(c => c.PersonId)
                .Concat(contacts.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value))
                .Concat(supervision?.AtRisk.Select(c => c.PersonId) ?? []),
            "desk", cancellationToken);
        return new Desk(mine, callbacks, escalations, contacts, supervision);
    }

    private static DateTimeOffset EndOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private async Task<RecentContact[]> RecentContactsAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var me = actor.UserId;
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => c.AgentUserId == me)
            .OrderByDescending(c => c.StartedAt)
            .Take(ContactsShown)
            .GroupJoin(db.People, c => c.PersonId, p => p.Id, (c, people) => new { Contact = c, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, p) => new
            {
                x.Contact.Id,
                x.Contact.PersonId,
                Name = p == null ? null : p.DisplayName,
                AssignedFieldRepId = p == null ? null : p.AssignedFieldRepId,
                x.Contact.Channel,
                x.Contact.Direction,
                x.Contact.StartedAt,
                x.Contact.Missed,
                x.Contact.Subject,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => actor.MaySee(r.AssignedFieldRepId))
            .OrderByDescending(r => r.StartedAt)
            .Select(r => new RecentContact(r.Id, r.PersonId, r.Name, KebabCase.Of(r.Channel), KebabCase.Of(r.Direction), r.StartedAt, r.Missed, r.Subject))];
    }

    private async Task<Supervision> SupervisionAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = db.Cases.AsNoTracking().Where(c => c.OwnerTeamId != null && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed);
        var counts = await open.GroupBy(c => c.OwnerTeamId!).Select(g => new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Team, g => g.Count, cancellationToken);
        var warning = await open.Where(ServiceLevelState.In([ServiceLevelState.Warning], now)).GroupBy(c => c.OwnerTeamId!)
            .Select(g => new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Team, g => g.Count, cancellationToken);
        var breached = await open.Where(ServiceLevelState.In([ServiceLevelState.Breached], now)).GroupBy(c => c.OwnerTeamId!)
            .Select(g => new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Team, g => g.Count, cancellationToken);
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var queues = teams.Select(t => new QueueLoad(t.Id, t.LocalName(chinese), counts.GetValueOrDefault(t.Id), warning.GetValueOrDefault(t.Id), breached.GetValueOrDefault(t.Id)))
            .ToList();

        // Near or past the deadline, whoever owns it: the work page's own filter, soonest due first.
        var atRisk = (await work.FindAsync(new WorkFilter(ServiceLevel: [ServiceLevelState.Breached, ServiceLevelState.Warning], Sort: WorkFilter.Due), actor, cancellationToken, AtRiskShown)).Value ?? [];

        var unacknowledged = await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Alerting)
            .OrderBy(e => e.AcknowledgeBy)
            .Take(AtRiskShown)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e.Id, CaseId = c.Id, c.Number, c.Subject, e.AlertedUserId, e.AcknowledgeBy })
            .ToListAsync(cancellationToken);
        var names = await owners.LoadAsync(unacknowledged.Where(e => e.AlertedUserId is not null).Select(e => (e.AlertedUserId, (string?)null)), cancellationToken);
        return new Supervision(queues, atRisk, [.. unacknowledged.OrderBy(e => e.AcknowledgeBy).Select(e => new UnacknowledgedEscalation(
            e.Id, e.CaseId, CaseNumbers.Display(e.Number), e.Subject, e.AlertedUserId is null ? null : names(e.AlertedUserId, null), e.AcknowledgeBy))]);
    }
}
