using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Macros;

/// <summary>
/// Writes a macro (supervisors and admins): a new one, or a change sent with the version read (a change saved meanwhile
/// is a conflict). The shortcut is what agents type to find it, unique per language; a placeholder the desk cannot fill
/// is refused, naming <c>text</c>.
/// </summary>
public sealed class SaveMacro(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: Required, MaxLength(32)] string Shortcut,
        [property: Required, MaxLength(100), SingleLineText] string Title,
        [property: Required, MaxLength(8)] string Language,
        [property: Required, MaxLength(4000)] string Text,
        string? Version = null);

    public async Task<Result<MacroView>> RunAsync(Guid? id, Request request, string actorUserId, CancellationToken cancellationToken)
    {
        var shortcut = request.Shortcut.Trim().ToLowerInvariant();
        if (shortcut.Length == 0 || !shortcut.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            return Failure.Invalid("shortcut", "Macro.ShortcutInvalid");
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return Failure.Invalid("title", "Macro.TitleRequired");
        }

        if (!SupportedCultures.IsSupported(request.Language))
        {
            return Failure.Invalid("language", "Macro.LanguageInvalid", string.Join(", ", SupportedCultures.All));
        }

        var language = SupportedCultures.Normalize(request.Language);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Failure.Invalid("text", "Macro.TextRequired");
        }

        if (MacroPlaceholders.Unknown(request.Text) is [_, ..] unknown)
        {
            return Failure.Invalid("text", "Macro.PlaceholderUnknown", string.Join(", ", unknown.Select(u => $"{{{u}}}")), string.Join(", ", MacroPlaceholders.All.Select(p => $"{{{p}}}")));
        }

        Macro macro;
        if (id is { } existing)
        {
            if (await db.Macros.SingleOrDefaultAsync(m => m.Id == existing, cancellationToken) is not { } found)
            {
                return Failure.NotFound("Macro.NotFound");
            }

            if (!Guid.TryParse(request.Version, out var read))
            {
                return Failure.Invalid("version", "Macro.VersionRequired");
            }

            if (read != found.Version)
            {
                return Failure.Conflict("Macro.Conflict");
            }

            macro = found;
        }
        else
        {
            macro = new Macro { Shortcut = shortcut, Title = "", Language = language, Text = "", UpdatedBy = actorUserId };
            db.Macros.Add(macro);
        }

        if (await db.Macros.AnyAsync(m => m.Id != macro.Id && m.Language == language && m.Shortcut == shortcut, cancellationToken))
        {
            return Failure.Invalid("shortcut", "Macro.ShortcutTaken", shortcut);
        }

        macro.Shortcut = shortcut;
        macro.Title = request.Title.Trim();
        macro.Language = language;
        macro.Text = request.Text.Trim();
        macro.UpdatedBy = actorUserId;
        macro.UpdatedAt = clock.GetUtcNow();
        macro.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Macro.Conflict");
        }
        catch (DbUpdateException)
        {
            if (!await ShortcutTakenAsync(macro, cancellationToken))
            {
                throw;
            }

            // Two supervisors saved the same shortcut at once: the unique index let one through.
            return Failure.Invalid("shortcut", "Macro.ShortcutTaken", shortcut);
        }

        return MacroView.Of(macro);
    }

    private async Task<bool> ShortcutTakenAsync(Macro macro, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Macros.AsNoTracking().AnyAsync(m => m.Id != macro.Id && m.Language == macro.Language && m.Shortcut == macro.Shortcut, cancellationToken);
    }
}
