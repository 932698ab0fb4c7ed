using CareDesk.Features.People;
using CareDesk.Platform.Data;
using CareDesk.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// "By every channel until reached" (F21a): a person the calls could not reach — tries used up, a wrong number, or no
/// number at all — is sent the safety notice by e-mail through the outbox, in the same save as the outcome that ended
/// the calls, and their devices are recorded as notified by e-mail. Reached remains what a person confirms on a call.
/// A person with no number and no e-mail address stays not notified: the effectiveness report shows them.
/// </summary>
public sealed class RecallEscalation(CareDeskDbContext db)
{
    public const string Email = "email";

    private sealed record Recipient(Guid PersonId, string DisplayName, List<string> Languages, string? Email);

    /// <summary>Stages the notice for one person and marks <paramref name="devices"/> (tracked); the channel used, or null.</summary>
    public async Task<string?> StageAsync(Recall recall, Guid personId, IReadOnlyList<RecallDevice> devices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (devices.All(d => d.NotifiedBy == Email || d.ReachedAt is not null))
        {
            return null;
        }

        var recipient = await Recipients(db.People.Where(p => p.Id == personId)).SingleOrDefaultAsync(cancellationToken);
        return recipient is null ? null : Stage(recall, recipient, devices, now);
    }

    /// <summary>Sends the notice by the next channel to people who cannot be called at all (no number), 500 at a time.</summary>
    public async Task<int> StageForAsync(Recall recall, IReadOnlyList<Guid> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var chunk in people.Chunk(500))
        {
            // Only those with an address are worth loading devices for: one query for the chunk's addresses, one for their devices.
            var recipients = await Recipients(db.People.Where(p => chunk.Contains(p.Id))).ToListAsync(cancellationToken);
            if (recipients.Count == 0)
            {
                continue;
            }

            var ids = recipients.Select(r => r.PersonId).ToList();
            var devices = (await db.RecallDevices.Where(d => d.RecallId == recall.Id && ids.Contains(d.PersonId)).ToListAsync(cancellationToken)).ToLookup(d => d.PersonId);
            sent += recipients.Count(r => Stage(recall, r, devices[r.PersonId].ToList(), now) is not null);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    private string? Stage(Recall recall, Recipient recipient, IReadOnlyList<RecallDevice> devices, DateTimeOffset now)
    {
        if (recipient.Email is not { } email || devices.All(d => d.NotifiedBy == Email || d.ReachedAt is not null))
        {
            return null;
        }

        db.OutboxMessages.Add(OutboxMessage.Create(RecallNoticeEmail.MessageType,
            RecallNoticeEmail.Payload(recall, recipient.PersonId, email, recipient.DisplayName, recipient.Languages.FirstOrDefault()), now));
        foreach (var device in devices.Where(d => d.ReachedAt is null))
        {
            device.NotifiedAt = now;
            device.NotifiedBy = Email;
            device.UpdatedAt = now;
        }

        return Email;
    }

    private static IQueryable<Recipient> Recipients(IQueryable<Person> people) =>
        people
            .Where(p => p.ContactPoints.Any(c => c.Kind == ContactPointKind.Email))
            .Select(p => new Recipient(
                p.Id,
                p.DisplayName,
                p.Languages,
                p.ContactPoints.Where(c => c.Kind == ContactPointKind.Email).OrderByDescending(c => c.IsPrimary).Select(c => c.Value).FirstOrDefault()))
            .AsNoTracking();
}
