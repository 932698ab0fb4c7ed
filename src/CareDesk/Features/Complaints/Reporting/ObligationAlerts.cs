using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Tells every enabled quality user about an obligation: a page (the escalations' paging webhook) and an e-mail
/// through the outbox in the same transaction as the alert's stage, and once saved a live alert on their desktops.
/// </summary>
public sealed class ObligationAlerts(CareDeskDbContext db, ObligationAlertHub hub, TimeProvider clock)
{
    private readonly List<(string UserId, ObligationAlert Alert)> pending = [];

    public static string KindOf(int stage) => stage switch
    {
        1 => "obligation-warning",
        2 => "obligation-due",
        _ => "obligation-overdue",
    };

    /// <summary>The users who decide and submit reports: enabled users in the quality role.</summary>
    public Task<List<string>> QualityUsersAsync(CancellationToken cancellationToken) =>
        StaffRecipient.InRoleAsync(db, Roles.Quality, cancellationToken);

    public async Task QueueAsync(RegulatoryObligation obligation, int stage, CancellationToken cancellationToken)
    {
        var number = await db.Cases.AsNoTracking().Where(c => c.Id == obligation.CaseId).Select(c => c.Number).SingleAsync(cancellationToken);
        var alert = new ObligationAlert(KindOf(stage), obligation.Id, obligation.CaseId, CaseNumbers.Display(number), obligation.Market, obligation.Kind, obligation.DueAt, obligation.Due);
        var recipients = await QualityUsersAsync(cancellationToken);
        var users = await StaffRecipient.LoadAsync(db, recipients, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var user in users)
        {
            // The escalations' pager takes it: one paging integration for everything urgent.
            var page = JsonSerializer.Serialize(new
            {
                kind = alert.Kind,
                obligationId = alert.ObligationId,
                caseId = alert.CaseId,
                caseNumber = alert.CaseNumber,
                market = alert.Market,
                obligationKind = alert.ObligationKind,
                dueAt = alert.DueAt,
                recipient = user.Pager,
            }, JsonSerializerOptions.Web);
            db.OutboxMessages.Add(OutboxMessage.Create(EscalationAlerts.PagingMessageType, page, now));
            if (!string.IsNullOrWhiteSpace(user.Email))
            {
                db.OutboxMessages.Add(OutboxMessage.Create(ObligationEmail.MessageType,
                    JsonSerializer.Serialize(new ObligationEmail.Notice(alert, user.Email, user.DisplayName, user.Language, user.TimeZone), JsonSerializerOptions.Web), now));
            }

            pending.Add((user.Id, alert));
        }
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
}
