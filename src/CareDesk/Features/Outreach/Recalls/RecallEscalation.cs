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

    /// <summary>Stages the notice for one person and marks <paramref name="devices"/> (tracked); the channel used, or null.</summary>
    public async Task<string?> StageAsync(Recall recall, Guid personId, IReadOnlyList<RecallDevice> devices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (devices.All(d => d.NotifiedBy == Email || d.ReachedAt is not null))
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                p.DisplayName,
                p.Languages,
                Email = p.ContactPoints.Where(c => c.Kind == ContactPointKind.Email).OrderByDescending(c => c.IsPrimary).Select(c => c.Value).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person?.Email is not { } email)
        {
            return null;
        }

        db.OutboxMessages.Add(OutboxMessage.Create(RecallNoticeEmail.MessageType,
            RecallNoticeEmail.Payload(recall, personId, email, person.DisplayName, person.Languages.FirstOrDefault()), now));
        foreach (var device in devices.Where(d => d.ReachedAt is null))
        {
            device.NotifiedAt = now;
            device.NotifiedBy = Email;
            device.UpdatedAt = now;
        }

        return Email;
    }

    /// <summary>Sends the notice by the next channel to people who cannot be called at all (no number), in chunks.</summary>
    public async Task<int> StageForAsync(Recall recall, IReadOnlyList<Guid> people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var chunk in people.Chunk(500))
        {
            var devices = await db.RecallDevices.Where(d => d.RecallId == recall.Id && chunk.Contains(d.PersonId)).ToListAsync(cancellationToken);
            foreach (var person in devices.GroupBy(d => d.PersonId))
            {
                if (await StageAsync(recall, person.Key, person.ToList(), now, cancellationToken) is not null)
                {
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return sent;
    }
}
