using CareDesk.Platform.Data;
using CareDesk.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Macros;

/// <summary>
/// The macros every agent reads: those of one language or all, the reader's language first, by shortcut; each filled in
/// for a case when a context is given.
/// </summary>
public sealed class ListMacros(CareDeskDbContext db)
{
    public async Task<MacroView[]> RunAsync(string? language, MacroContext? context, CancellationToken cancellationToken)
    {
        var query = db.Macros.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(language))
        {
            var normalized = SupportedCultures.Normalize(language);
            query = query.Where(m => m.Language == normalized);
        }

        var reader = SupportedCultures.IsChinese() ? SupportedCultures.Chinese : SupportedCultures.English;
        var macros = await query.ToListAsync(cancellationToken);
        return [.. macros
            .OrderBy(m => m.Language != reader).ThenBy(m => m.Shortcut, StringComparer.Ordinal)
            .Select(m => MacroView.Of(m, context?.Fill(m)))];
    }
}
