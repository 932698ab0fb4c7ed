using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>A supervisor records a user's skills (F26): languages, products known, tier. Versioned: 409 if changed meanwhile.</summary>
public sealed partial class SetSkills(CareDeskDbContext db)
{
    public sealed record Request(
        [property: Required, MaxLength(20)] IReadOnlyList<string>? Languages,
        [property: MaxLength(200)] IReadOnlyList<string>? Products,
        [property: Required, Range(1, 3)] int? Tier,
        string? Version = null);

    public async Task<Result<StaffDirectory.SkillsView>> RunAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        var languages = new List<string>();
        for (var i = 0; i < request.Languages!.Count; i++)
        {
            var language = request.Languages[i]?.Trim() ?? "";
            if (!LanguageCode().IsMatch(language))
            {
                return Failure.Invalid($"languages[{i}]", "Skills.BadLanguage");
            }

            languages.Add(language.ToLowerInvariant());
        }

        var products = (request.Products ?? []).Select(p => p?.Trim() ?? "").ToList();
        var known = await db.Manufacturers.Where(m => products.Contains(m.Id)).Select(m => m.Id)
            .Concat(db.ProductModels.Where(m => products.Contains(m.Id)).Select(m => m.Id))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < products.Count; i++)
        {
            if (!known.Contains(products[i]))
            {
                return Failure.Invalid($"products[{i}]", "Skills.UnknownProduct");
            }
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Failure.NotFound("Skills.UserNotFound");
        }

        var skills = await db.StaffSkills.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (skills is null)
        {
            // The first record: nobody can have read a version yet, so one sent means the reader saw someone else's.
            if (!string.IsNullOrEmpty(request.Version))
            {
                return Failure.Conflict("Skills.Conflict");
            }

            skills = new StaffSkills { UserId = userId };
            db.StaffSkills.Add(skills);
        }
        else
        {
            if (!Guid.TryParse(request.Version, out var read) || read != skills.Version)
            {
                return Failure.Conflict("Skills.Conflict");
            }

            skills.Version = Guid.NewGuid();
        }

        skills.Languages = [.. languages.Distinct()];
        skills.Products = [.. products.Distinct()];
        skills.Tier = request.Tier!.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbUpdateConcurrencyException or DbUpdateException)
        {
            // A concurrent first record violates the key; a concurrent change, the version.
            return Failure.Conflict("Skills.Conflict");
        }

        return StaffDirectory.ToView(skills);
    }

    // ISO 639 codes with an optional region or script: zh, en, yue, zh-hant, pt-br.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
