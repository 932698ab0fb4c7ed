using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Macros;

/// <summary>Removes a macro (supervisors and admins), sent with the version read: one changed meanwhile is a conflict.</summary>
public sealed class DeleteMacro(CareDeskDbContext db)
{
    public async Task<Result<Guid>> RunAsync(Guid id, string? version, CancellationToken cancellationToken)
    {
        if (await db.Macros.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Macro.NotFound");
        }

        if (!Guid.TryParse(version, out var read))
        {
            return Failure.Invalid("version", "Macro.VersionRequired");
        }

        if (read != found.Version)
        {
            return Failure.Conflict("Macro.Conflict");
        }

        db.Macros.Remove(found);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Macro.Conflict");
        }

        return id;
    }
}
