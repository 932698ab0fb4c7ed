using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The last check before a dial (F19): the attempt is still the agent's and still holds the person — not withdrawn by a
/// "do not contact" or a withdrawn consent, not expired and taken by someone else. Confirming renews the claim.
/// </summary>
public sealed class ConfirmDial(CareDeskDbContext db, IOptions<OutreachOptions> options, TimeProvider clock)
{
    public sealed record Dial(Guid AttemptId, string? Number, DateTimeOffset ExpiresAt);

    public async Task<Result<Dial>> RunAsync(Guid attemptId, string agentUserId, CancellationToken cancellationToken)
    {
        if (await db.OutreachAttempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken) is not { } attempt)
        {
            return Failure.NotFound("Attempt.NotFound");
        }

        if (attempt.AgentUserId != agentUserId)
        {
            return new Failure(FailureKind.Forbidden, "Attempt.NotYours");
        }

        if (!attempt.IsOpen)
        {
            return Failure.Conflict(attempt.Outcome == OutreachOutcome.Withdrawn ? "Attempt.Withdrawn" : "Attempt.Closed");
        }

        var now = clock.GetUtcNow();
        var expires = now + options.Value.ClaimLifetime;
        var renewed = await db.OutreachClaims.Where(c => c.PersonId == attempt.PersonId && c.AttemptId == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, expires), cancellationToken);
        if (renewed == 0)
        {
            return Failure.Conflict("Attempt.Withdrawn");
        }

        attempt.DialedAt ??= now;
        attempt.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Attempt.Withdrawn");
        }

        return new Dial(attempt.Id, attempt.Number, expires);
    }
}
