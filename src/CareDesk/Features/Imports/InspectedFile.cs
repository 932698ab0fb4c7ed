using CareDesk.Features.Imports.Reading;

namespace CareDesk.Features.Imports;

/// <summary>What an uploaded file turned out to be, and the mapping its import will use, for the person to confirm.</summary>
public sealed record InspectedFile(
    int Index,
    string FileName,
    string Kind,
    string? Encoding,
    string? Delimiter,
    string? SheetName,
    string HeaderLanguage,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, int> Mapping,
    IReadOnlyList<HeaderColumn> Ignored,
    IReadOnlyList<IReadOnlyList<string>> Sample);
