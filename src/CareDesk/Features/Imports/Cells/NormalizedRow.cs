using CareDesk.Features.People;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A row every cell of which was accepted. Phones stay with the column they came from, and each carries the type
/// libphonenumber gave it. <see cref="Country"/> is the row's own country (ISO 3166-1 alpha-2), null when the cell was
/// empty; <see cref="Model"/> is the text as typed, normalized, not yet matched to the catalog.
/// </summary>
public sealed record NormalizedRow(
    string Name,
    Sex Gender,
    DateOnly? DateOfBirth,
    IReadOnlyList<ImportedPhone> Mobile,
    IReadOnlyList<ImportedPhone> Phone,
    string? Province,
    string? City,
    string? Address,
    string? Country,
    DateOnly? PurchaseDate,
    string? Model,
    string? Serial,
    string? Remark);
