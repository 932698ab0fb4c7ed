using System.Text.Json;
using CareDesk.Features.Imports.Running;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Imports;

/// <summary>One row of an import's report (<c>GET /api/imports/{id}/rows</c>).</summary>
public sealed record ImportRowView(
    int File,
    int Record,
    int Line,
    string Status,
    IReadOnlyList<ImportProblem> Errors,
    Guid? PersonId,
    ImportRowView.RowRefView? DuplicateOf,
    string? Basis,
    IReadOnlyList<string> Notes,
    ImportedValues? Values)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record RowRefView(int File, int Record);

    public static ImportRowView Of(ImportRow row) => new(
        row.FileIndex,
        row.Record,
        row.Line,
        KebabCase.Of(row.Status),
        row.Errors is { } errors ? JsonSerializer.Deserialize<List<ImportProblem>>(errors, Json) ?? [] : [],
        row.PersonId,
        row.DuplicateOfFile is { } file && row.DuplicateOfRecord is { } record ? new RowRefView(file, record) : null,
        row.Basis,
        row.Notes is { } notes ? notes.Split(',') : [],
        row.Values is { } values ? JsonSerializer.Deserialize<ImportedValues>(values, Json) : null);
}
