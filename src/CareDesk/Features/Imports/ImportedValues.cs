using CareDesk.Features.Imports.Cells;

namespace CareDesk.Features.Imports;

/// <summary>A valid row's normalized values as the report shows them, with the catalog product its model named.</summary>
public sealed record ImportedValues(
    string Name,
    string? Gender,
    DateOnly? DateOfBirth,
    IReadOnlyList<string> Mobile,
    IReadOnlyList<string> Phone,
    string? Province,
    string? City,
    string? Address,
    string? Country,
    DateOnly? PurchaseDate,
    string? Model,
    string? ModelId,
    string? Serial,
    string? Remark)
{
    public static ImportedValues Of(NormalizedRow row, string? modelId) => new(
        row.Name,
        KebabSex(row.Gender),
        row.DateOfBirth,
        [.. row.Mobile.Select(Written)],
        [.. row.Phone.Select(Written)],
        row.Province,
        row.City,
        row.Address,
        row.Country,
        row.PurchaseDate,
        row.Model,
        modelId,
        row.Serial,
        row.Remark);

    private static string? KebabSex(People.Sex sex) => sex switch
    {
        People.Sex.Unknown => null,
        _ => sex.ToString().ToLowerInvariant(),
    };

    private static string Written(ImportedPhone phone) => phone.Extension is { } extension ? $"{phone.E164} ext. {extension}" : phone.E164;
}
