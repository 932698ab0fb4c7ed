using System.Text.Json;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Tells people about an escalation: a page and an e-mail through the outbox (in the same transaction as the change;
/// the paging webhook and <see cref="EscalationEmail"/> deliver them, retried) and, once the change is saved, a live
/// alert on their open desktops.
/// </summary>
public sealed class EscalationAlerts(
    CareDeskDbContext db, EscalationAlertHub hub, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Complaints.RedFlags.RedFlagsText> redFlagText)
{
    public const string PagingMessageType = "escalation-page";

    private readonly List<(string UserId, EscalationAlert Alert)> pending = [];

    /// <summary>Queues the alert for the expert now at the escalation's level.</summary>
    public Task AlertExpertAsync(Escalation escalation, Case escalated, CancellationToken cancellationToken) =>
        QueueAsync([escalation.AlertedUserId!], new EscalationAlert("alert", escalation.Id, escalated.Id, CaseNumbers.Display(escalated.Number),
            escalated.Subject, null, escalation.Level, escalation.AcknowledgeBy, escalation.RedFlags), cancellationToken);

    /// <summary>Queues a notice to every enabled supervisor: <paramref name="missedUserId"/> did not answer, or nobody was on call.</summary>
    public async Task TellSupervisorsAsync(Escalation escalation, Case escalated, string? missedUserId, CancellationToken cancellationToken)
    {
        var supervisors = await SupervisorsAsync(cancellationToken);
        var missed = missedUserId is null ? null
            : await db.Users.Where(u => u.Id == missedUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        await QueueAsync(supervisors, new EscalationAlert("supervisor", escalation.Id, escalated.Id, CaseNumbers.Display(escalated.Number),
            escalated.Subject, missed, escalation.Level, escalation.AcknowledgeBy, escalation.RedFlags), cancellationToken);
    }

    /// <summary>Queues a notice to every enabled supervisor that a promised callback of <paramref name="promised"/> is overdue.</summary>
    public async Task TellSupervisorsAboutCallbackAsync(Callback callback, Case promised, CancellationToken cancellationToken)
    {
        var owner = await db.Users.Where(u => u.Id == callback.OwnerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        await QueueAsync(await SupervisorsAsync(cancellationToken), new EscalationAlert("callback-overdue", callback.Id, promised.Id, CaseNumbers.Display(promised.Number),
            promised.Subject, owner, 0, callback.DueAt), cancellationToken);
    }

    /// <summary>Queues a notice to the owner of a promised callback that its warning instant has passed (due at <see cref="Callback.DueAt"/>).</summary>
    public Task TellOwnerAboutCallbackAsync(Callback callback, Case promised, CancellationToken cancellationToken) =>
        QueueAsync([callback.OwnerUserId], new EscalationAlert("callback-warning", callback.Id, promised.Id, CaseNumbers.Display(promised.Number),
            promised.Subject, null, 0, callback.DueAt), cancellationToken);

    /// <summary>
    /// Queues a service-level notice (<c>service-level-warning</c> or <c>service-level-breach</c>; <see cref="EscalationAlert.ExpertName"/>
    /// holds the clock, <see cref="EscalationAlert.AcknowledgeBy"/> its due time) to the owner, or the owning team's members, and on a breach to every supervisor.
    /// </summary>
    public async Task TellAboutServiceLevelAsync(Case timed, string clockName, bool breached, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var recipients = timed.OwnerUserId is { } owner ? [owner]
            : await db.TeamMembers.Where(m => m.TeamId == timed.OwnerTeamId).Select(m => m.UserId).ToListAsync(cancellationToken);
        if (breached)
        {
            recipients = [.. recipients.Union(await SupervisorsAsync(cancellationToken))];
        }

        await QueueAsync(recipients, new EscalationAlert(breached ? "service-level-breach" : "service-level-warning", timed.Id, timed.Id,
            CaseNumbers.Display(timed.Number), timed.Subject, clockName, 0, dueAt), cancellationToken);
    }

    /// <summary>After the change is committed: shows the queued alerts on the recipients' open desktops.</summary>
    public void PublishQueued()
    {
        foreach (var (userId, alert) in pending)
        {
            hub.Publish(userId, alert);
        }

        pending.Clear();
    }

    private Task<List<string>> SupervisorsAsync(CancellationToken cancellationToken) =>
        StaffRecipient.InRoleAsync(db, Roles.Supervisor, cancellationToken);

    private async Task QueueAsync(IReadOnlyList<string> userIds, EscalationAlert alert, CancellationToken cancellationToken)
    {
        foreach (var user in await StaffRecipient.LoadAsync(db, userIds, cancellationToken))
        {
            var payload = JsonSerializer.Serialize(new
            {
                kind = alert.Kind,
                escalationId = alert.EscalationId,
                caseId = alert.CaseId,
                caseNumber = alert.CaseNumber,
                subject = alert.Subject,
                level = alert.Level,
                acknowledgeBy = alert.AcknowledgeBy,
                missedExpert = alert.ExpertName,
                redFlags = alert.RedFlags ?? [],
                // The pager shows text, not codes: the red flags named in the recipient's language.
                redFlagText = Complaints.RedFlags.RedFlagNames.Line(alert.RedFlags, user.Language, redFlagText),
                recipient = user.Pager,
            }, JsonSerializerOptions.Web);
            db.OutboxMessages.Add(OutboxMessage.Create(PagingMessageType, payload, clock.GetUtcNow()));
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.OutboxMessages.Add(OutboxMessage.Create(EscalationEmail.MessageType,
                    EscalationEmail.Payload(alert, user.Email, user.DisplayName, user.Language, user.TimeZone), clock.GetUtcNow()));
            }

            pending.Add((user.Id, alert));
        }
    }
}
