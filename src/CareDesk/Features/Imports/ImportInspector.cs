using CareDesk.Features.Imports.Reading;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Imports;

/// <summary>
/// Opens the uploaded files of an import and settles each one's mapping: the one guessed from its header, corrected by
/// the source's saved mapping, then by what the person chose now. Bad files and a mapping without a name column are
/// failures naming <c>files[i]</c> or <c>mapping[i].name</c>.
/// </summary>
public sealed class ImportInspector(CareDeskDbContext db, IOptions<ImportsOptions> options)
{
    public const int SampleRows = 5;

    public async Task<ImportSource?> SavedSourceAsync(string? sourceName, CancellationToken cancellationToken)
    {
        var key = SourceKey(sourceName);
        return key.Length == 0 ? null : await db.ImportSources.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
    }

    public static string SourceKey(string? sourceName) => (sourceName ?? "").Trim().ToLowerInvariant();

    /// <param name="overrides">Field → column (or null: no column) the person chose for this file; null to keep the guess.</param>
    /// <param name="requireName">False for a preview: a file whose name column was not recognised is shown, for the person to choose it.</param>
    public Result<InspectedFile> Inspect(int index, Stream content, string fileName, string? sheet, ImportSource? saved, IReadOnlyDictionary<string, int?>? overrides, bool requireName = true)
    {
        var field = $"files[{index}]";
        var read = DistributorFileReader.Read(content, fileName, new DistributorFileReadOptions { SheetName = sheet, MaxFileBytes = options.Value.MaxFileBytes });
        if (read.IsRejected)
        {
            return Failure.Invalid(field, $"Import.File.{read.Rejection.Reason}", fileName, read.Rejection.Detail);
        }

        using var file = read.File;
        var mapping = file.Mapping;
        if (saved is not null)
        {
            var remembered = new Dictionary<string, int?>(StringComparer.Ordinal);
            for (var column = 0; column < file.Header.Count; column++)
            {
                if (!saved.FieldByHeader.TryGetValue(file.Header[column], out var savedField))
                {
                    continue;
                }

                if (savedField.Length == 0)
                {
                    foreach (var (mappedField, mappedColumn) in mapping.ColumnByField.Where(kv => kv.Value == column))
                    {
                        remembered[mappedField] = null;
                    }
                }
                else if (ImportField.All.Contains(savedField))
                {
                    remembered[savedField] = column;
                }
            }

            mapping = mapping.WithOverrides(remembered);
        }

        if (overrides is not null)
        {
            foreach (var (overridden, column) in overrides)
            {
                if (!ImportField.All.Contains(overridden))
                {
                    return Failure.Invalid($"mapping[{index}].{overridden}", "Import.Mapping.UnknownField", overridden);
                }

                if (column is { } c && (c < 0 || c >= file.Header.Count))
                {
                    return Failure.Invalid($"mapping[{index}].{overridden}", "Import.Mapping.NoSuchColumn", c, file.Header.Count);
                }
            }

            mapping = mapping.WithOverrides(overrides);
        }

        if (requireName && mapping.ColumnOf(ImportField.Name) is null)
        {
            return Failure.Invalid($"mapping[{index}].{ImportField.Name}", "Import.Mapping.NoNameColumn", fileName);
        }

        var sample = file.ReadRecords().Where(r => r.IsValid).Take(SampleRows)
            .Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(c => c.Raw)])
            .ToList();
        return new InspectedFile(
            index,
            fileName,
            file.Kind == DistributorFileKind.Xlsx ? "xlsx" : "csv",
            file.Encoding,
            file.Delimiter?.ToString(),
            file.SheetName,
            mapping.Language,
            file.Header,
            mapping.ColumnByField.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            mapping.Ignored,
            sample);
    }
}
