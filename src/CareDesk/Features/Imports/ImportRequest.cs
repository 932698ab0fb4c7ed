namespace CareDesk.Features.Imports;

/// <summary>
/// What a person asks of an import: the files in order, who sent them, the region phones default to, whether it
/// only checks (<paramref name="DryRun"/>), the sheet of an XLSX, and per file the mapping corrections (field → column,
/// null for none) they made after the preview.
/// </summary>
public sealed record ImportRequest(
    IReadOnlyList<ImportUpload> Files,
    string? SourceName,
    string? SourceKind,
    string? DefaultRegion,
    bool DryRun = false,
    string? Sheet = null,
    IReadOnlyList<IReadOnlyDictionary<string, int?>?>? Mapping = null,
    bool Force = false);
