using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// An administrator rewrites what agents tell callers when a red flag is "yes" (F15), in both languages. Only the
/// flags sent change; each change is in the audit log (the table is audited like every other).
/// </summary>
public sealed class SaveRedFlagScripts(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record ScriptInput(
        [property: Required, MaxLength(64)] string Flag,
        [property: Required, MaxLength(2000)] string English,
        [property: Required, MaxLength(2000)] string Chinese);

    public sealed record Request([property: Required, MaxLength(20)] IReadOnlyList<ScriptInput> Scripts);

    public async Task<Result<int>> RunAsync(Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Scripts.Count; i++)
        {
            var script = request.Scripts[i];
            if (!RedFlags.IsKnown(script.Flag))
            {
                return Failure.Invalid($"scripts[{i}].flag", "RedFlag.Unknown", script.Flag);
            }

            if (string.IsNullOrWhiteSpace(script.English))
            {
                return Failure.Invalid($"scripts[{i}].english", "RedFlag.ScriptRequired");
            }

            if (string.IsNullOrWhiteSpace(script.Chinese))
            {
                return Failure.Invalid($"scripts[{i}].chinese", "RedFlag.ScriptRequired");
            }

            if (request.Scripts.Take(i).Any(s => s.Flag == script.Flag))
            {
                return Failure.Invalid($"scripts[{i}].flag", "RedFlag.Repeated", script.Flag);
            }
        }

        var now = clock.GetUtcNow();
        var stored = await db.Set<RedFlagScript>().ToDictionaryAsync(s => s.Flag, cancellationToken);
        foreach (var input in request.Scripts)
        {
            var (english, chinese) = (input.English.Trim(), input.Chinese.Trim());
            if (stored.TryGetValue(input.Flag, out var script))
            {
                if (script.English == english && script.Chinese == chinese)
                {
                    continue;
                }

                (script.English, script.Chinese, script.UpdatedBy, script.UpdatedAt) = (english, chinese, actor.UserId, now);
            }
            else
            {
                db.Set<RedFlagScript>().Add(new RedFlagScript { Flag = input.Flag, English = english, Chinese = chinese, UpdatedBy = actor.UserId, UpdatedAt = now });
            }
        }

        return await db.SaveChangesAsync(cancellationToken);
    }
}
