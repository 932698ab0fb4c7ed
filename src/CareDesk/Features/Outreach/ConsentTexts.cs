using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The versioned consent wordings (F19): the current one per purpose is what agents read out and forms show; a new
/// wording is added as the next version (quality and admins), the old ones stay, as the ledger refers to them.
/// </summary>
public sealed class ConsentTexts(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record Request([property: MaxLength(32)] string? Purpose, [property: MaxLength(2000)] string? TextZh, [property: MaxLength(2000)] string? TextEn);

    public sealed record View(Guid Id, string Purpose, int Version, string TextZh, string TextEn, DateTimeOffset CreatedAt)
    {
        public static View Of(ConsentText t) => new(t.Id, OutreachTerms.Of(t.Purpose), t.Version, t.TextZh, t.TextEn, t.CreatedAt);
    }

    /// <summary>The current wording of each purpose.</summary>
    public async Task<IReadOnlyList<View>> CurrentAsync(CancellationToken cancellationToken)
    {
        var all = await db.ConsentTexts.AsNoTracking().ToListAsync(cancellationToken);
        return all.GroupBy(t => t.Purpose).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Purpose).Select(View.Of).ToList();
    }

    public async Task<Result<View>> AddAsync(Request request, string userId, CancellationToken cancellationToken)
    {
        if (!OutreachTerms.ConsentPurposes.TryGetValue(request.Purpose?.Trim() ?? "", out var purpose))
        {
            return Failure.Invalid("purpose", "Consent.PurposeInvalid", string.Join(", ", OutreachTerms.ConsentPurposes.Keys));
        }

        if (string.IsNullOrWhiteSpace(request.TextZh) || string.IsNullOrWhiteSpace(request.TextEn))
        {
            return Failure.Invalid(string.IsNullOrWhiteSpace(request.TextZh) ? "textZh" : "textEn", "ConsentText.Required");
        }

        var version = await db.ConsentTexts.Where(t => t.Purpose == purpose).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var text = new ConsentText { Purpose = purpose, Version = version + 1, TextZh = request.TextZh.Trim(), TextEn = request.TextEn.Trim(), CreatedBy = userId, CreatedAt = clock.GetUtcNow() };
        db.ConsentTexts.Add(text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves took the same version number at once: the unique index kept one.
            db.ChangeTracker.Clear();
            if (await db.ConsentTexts.AsNoTracking().AnyAsync(t => t.Purpose == purpose && t.Version == version + 1, CancellationToken.None))
            {
                return Failure.Conflict("ConsentText.Conflict");
            }

            throw;
        }

        return View.Of(text);
    }
}
