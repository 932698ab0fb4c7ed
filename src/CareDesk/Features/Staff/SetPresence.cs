using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>The signed-in user's presence (F26): read the effective one (<see cref="PresenceRule"/>), or say it.</summary>
public sealed class SetPresence(CareDeskDbContext db, WhoIsOnShift onShift, PresenceHub hub, TimeProvider clock)
{
    public sealed record Request([property: Required, MaxLength(16)] string Status);

    /// <param name="Presence">What others see now.</param>
    /// <param name="Chosen">What the user last chose, when it still holds.</param>
    public sealed record View(string Presence, string? Chosen, DateTimeOffset? SetAt, bool OnShift);

    public async Task<View> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var chosen = await db.StaffPresence.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var shift = await onShift.CurrentShiftAsync(userId, now, cancellationToken);
        DateTimeOffset? ended = shift is null && chosen is not null
            && (await onShift.LastShiftEndsAsync([userId], now, cancellationToken)).TryGetValue(userId, out var end) ? end : null;
        var holds = PresenceRule.Holds(chosen, shift, ended);
        return new View(PresenceRule.Effective(chosen, shift, ended), holds ? chosen!.Status : null, holds ? chosen!.SetAt : null, shift is not null);
    }

    public async Task<Result<View>> RunAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        var status = request.Status.Trim().ToLowerInvariant();
        if (!PresenceRule.All.Contains(status))
        {
            return Failure.Invalid("status", "Presence.Unknown", string.Join(", ", PresenceRule.All));
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Failure.NotFound("Skills.UserNotFound");
        }

        var presence = await db.StaffPresence.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (presence is null)
        {
            presence = new StaffPresence { UserId = userId, Status = status };
            db.StaffPresence.Add(presence);
        }

        presence.Status = status;
        presence.SetAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        var changed = new PresenceChanged(userId, user.DisplayName, status);
        hub.Publish(PresenceHub.Supervisors, changed);
        hub.Publish(userId, changed);
        return new View(status, status, presence.SetAt, await onShift.IsOnShiftAsync(userId, presence.SetAt, cancellationToken));
    }
}
