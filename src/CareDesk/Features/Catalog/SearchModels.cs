using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>
/// Finds models by category, maker and free text. The text matches names (English and Chinese), aliases, printed
/// text and model numbers, ignoring case, spaces and dashes ("安稳免调码", "mmt 1885", "accu-chek guide").
/// </summary>
public sealed class SearchModels(CareDeskDbContext db)
{
    public sealed record Query(string? Category = null, string? ManufacturerId = null, string? Text = null);

    public async Task<IReadOnlyList<ModelSummary>> RunAsync(Query query, CancellationToken cancellationToken)
    {
        var models = db.ProductModels.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            models = models.Where(m => m.Category == query.Category);
        }

        if (!string.IsNullOrWhiteSpace(query.ManufacturerId))
        {
            models = models.Where(m => m.ManufacturerId == query.ManufacturerId);
        }

        // The catalog is hundreds of rows, not millions: matching list columns in memory is simpler and the same
        // on both databases (SQLite stores them as JSON, PostgreSQL as arrays).
        var candidates = await models.OrderBy(m => m.Category).ThenBy(m => m.NameEn).ToListAsync(cancellationToken);
        var needle = Normalize(query.Text);
        return candidates.Where(m => needle.Length == 0 || Matches(m, needle)).Select(ModelSummary.From).ToList();
    }

    internal static bool Matches(ProductModel model, string needle) =>
        new[] { model.Id, model.NameEn, model.NameZh, model.Brand }
            .Concat(model.Aliases).Concat(model.PrintedText).Concat(model.ModelNumbers)
            .Any(value => value is not null && Normalize(value).Contains(needle, StringComparison.Ordinal));

    internal static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ""
            : new string(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray())
                .ToUpperInvariant();
}
