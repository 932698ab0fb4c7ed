using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>
/// An admin adds a model to the catalog or edits one. Ids are stable keys: set once, never renamed. An edit sends the
/// version it read; when another admin saved in between, it is refused as a conflict instead of overwriting theirs.
/// </summary>
public sealed partial class SaveModel(CareDeskDbContext db)
{
    public sealed record Request(
        [property: MaxLength(64)] string? Id,
        [property: Required, MaxLength(64)] string ManufacturerId,
        [property: Required, MaxLength(32)] string Category,
        [property: Required, MaxLength(200), SingleLineText] string NameEn,
        [property: MaxLength(200), SingleLineText] string? NameZh = null,
        [property: MaxLength(100)] string? Brand = null,
        [property: MaxLength(32)] string? Subtype = null,
        IReadOnlyList<string>? ModelNumbers = null,
        IReadOnlyList<string>? Aliases = null,
        IReadOnlyList<string>? UncertainAliases = null,
        IReadOnlyList<string>? PrintedText = null,
        IReadOnlyList<string>? VisualCues = null,
        [property: MaxLength(32)] string? Coding = null,
        IReadOnlyList<string>? Markets = null,
        [property: MaxLength(32)] string? Status = null,
        [property: MaxLength(64)] string? UdiDi = null,
        int? WarrantyMonths = null,
        [property: MaxLength(500)] string? WarrantyScope = null,
        string? RegulatoryKind = null,
        [property: MaxLength(1000)] string? Disambiguation = null,
        [property: MaxLength(16)] string? Confidence = null,
        [property: MaxLength(4000)] string? Notes = null,
        string? Version = null);

    public async Task<Result<ModelSummary>> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || !IdPattern().IsMatch(request.Id))
        {
            return Failure.Invalid("id", "Model.IdInvalid");
        }

        if (await CheckAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (await db.ProductModels.AnyAsync(m => m.Id == request.Id, cancellationToken))
        {
            return Failure.Conflict("Model.Exists");
        }

        var model = new ProductModel { Id = request.Id, ManufacturerId = "", Category = "", NameEn = "" };
        Apply(model, request);
        db.ProductModels.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        return ModelSummary.From(model);
    }

    public async Task<Result<ModelSummary>> UpdateAsync(string id, Request request, CancellationToken cancellationToken)
    {
        if (request.Id is not null && request.Id != id)
        {
            return Failure.Invalid("id", "Model.IdImmutable");
        }

        if (await CheckAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (!Guid.TryParse(request.Version, out var version))
        {
            return Failure.Invalid("version", "Version.Invalid");
        }

        if (await db.ProductModels.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } model)
        {
            return Failure.NotFound("Model.NotFound");
        }

        if (model.Version != version)
        {
            return Failure.Conflict("Model.Conflict");
        }

        Apply(model, request);
        model.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin saved between our read and our write: the version token caught it.
            return Failure.Conflict("Model.Conflict");
        }

        return ModelSummary.From(model);
    }

    private async Task<Failure?> CheckAsync(Request request, CancellationToken cancellationToken)
    {
        if (!CatalogCategories.All.Contains(request.Category))
        {
            return Failure.Invalid("category", "Model.CategoryInvalid", string.Join(", ", CatalogCategories.All));
        }

        if (string.IsNullOrWhiteSpace(request.NameEn))
        {
            return Failure.Invalid("nameEn", "Model.NameRequired");
        }

        if (request.WarrantyMonths is < 0 or > 1200)
        {
            return Failure.Invalid("warrantyMonths", "Model.WarrantyInvalid");
        }

        if (request.RegulatoryKind is not null && ParseKind(request.RegulatoryKind) is null)
        {
            return Failure.Invalid("regulatoryKind", "Model.RegulatoryKindInvalid");
        }

        if (!await db.Manufacturers.AnyAsync(m => m.Id == request.ManufacturerId, cancellationToken))
        {
            return Failure.Invalid("manufacturerId", "Model.ManufacturerUnknown");
        }

        return null;
    }

    private static void Apply(ProductModel model, Request request)
    {
        static List<string> Clean(IReadOnlyList<string>? values) =>
            [.. (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct()];

        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        model.ManufacturerId = request.ManufacturerId;
        model.Category = request.Category;
        model.NameEn = request.NameEn.Trim();
        model.NameZh = Text(request.NameZh);
        model.Brand = Text(request.Brand);
        model.Subtype = Text(request.Subtype);
        model.ModelNumbers = Clean(request.ModelNumbers);
        model.Aliases = Clean(request.Aliases);
        model.UncertainAliases = Clean(request.UncertainAliases);
        model.PrintedText = Clean(request.PrintedText);
        model.VisualCues = Clean(request.VisualCues);
        model.Coding = Text(request.Coding);
        model.Markets = Clean(request.Markets);
        model.Status = Text(request.Status);
        model.UdiDi = Text(request.UdiDi);
        model.WarrantyMonths = request.WarrantyMonths;
        model.WarrantyScope = Text(request.WarrantyScope);
        model.RegulatoryKind = request.RegulatoryKind is null ? null : ParseKind(request.RegulatoryKind);
        model.Disambiguation = Text(request.Disambiguation);
        model.Confidence = Text(request.Confidence);
        model.Notes = Text(request.Notes);
    }

    internal static RegulatoryKind? ParseKind(string value) =>
        Enum.TryParse<RegulatoryKind>(value, ignoreCase: true, out var kind) && !int.TryParse(value, out _) ? kind : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
