using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using PhoneNumbers;

namespace CareDesk.Features.Imports;

/// <summary>
/// Reads the files of an import without storing anything: what each is, the mapping its import would use (guessed,
/// then the source's saved corrections, then the request's), and its first rows, for the person to confirm — also
/// when no column was recognised as the name, so that they can choose it (the import itself then insists).
/// </summary>
public sealed class PreviewImport(ImportInspector inspector, Microsoft.Extensions.Options.IOptions<ImportsOptions> options)
{
    public async Task<Result<IReadOnlyList<InspectedFile>>> RunAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        if (Check(request, options.Value) is { } invalid)
        {
            return invalid;
        }

        var saved = await inspector.SavedSourceAsync(request.SourceName, cancellationToken);
        var files = new List<InspectedFile>(request.Files.Count);
        for (var i = 0; i < request.Files.Count; i++)
        {
            var inspected = inspector.Inspect(i, request.Files[i].Content, request.Files[i].FileName, request.Sheet, saved, MappingOf(request, i), requireName: false);
            if (!inspected.Succeeded)
            {
                return inspected.Failure!;
            }

            files.Add(inspected.Value!);
        }

        return files;
    }

    internal static IReadOnlyDictionary<string, int?>? MappingOf(ImportRequest request, int index) =>
        request.Mapping is { } mapping && index < mapping.Count ? mapping[index] : null;

    /// <summary>The request's own fields, before any file is read.</summary>
    internal static Failure? Check(ImportRequest request, ImportsOptions options)
    {
        if (request.Files.Count == 0)
        {
            return Failure.Invalid("files", "Import.NoFiles");
        }

        if (request.Files.Count > options.MaxFiles)
        {
            return Failure.Invalid("files", "Import.TooManyFiles", options.MaxFiles);
        }

        if (string.IsNullOrWhiteSpace(request.SourceName))
        {
            return Failure.Invalid("sourceName", "Import.SourceNameMissing");
        }

        if (request.SourceName.Trim().Length > 100)
        {
            return Failure.Invalid("sourceName", "Import.SourceNameTooLong", 100);
        }

        if (request.SourceKind is not null && !DeviceTerms.Sources.ContainsKey(request.SourceKind))
        {
            return Failure.Invalid("sourceKind", "Import.SourceKindInvalid", string.Join(", ", DeviceTerms.Sources.Keys));
        }

        if (request.DefaultRegion is { } region && !PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region.ToUpperInvariant()))
        {
            return Failure.Invalid("defaultRegion", "Import.DefaultRegionInvalid", region);
        }

        if (request.Mapping is { } mapping && mapping.Count > request.Files.Count)
        {
            return Failure.Invalid("mapping", "Import.MappingCount", request.Files.Count);
        }

        return null;
    }
}
