using System.Security.Cryptography;
using System.Text;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Imports;

/// <summary>
/// Accepts an import: stores its files, reads each one's header and settles its mapping, refuses bad files and a
/// second upload of the same files (unless forced), saves the source's mapping corrections, and hands the run to the
/// background (<see cref="ImportJob"/>, a durable timer set in the same save: a node dying right after still runs it).
/// </summary>
public sealed class StartImport(
    CareDeskDbContext db,
    ImportInspector inspector,
    ImportStorage storage,
    DurableTimers timers,
    IOptions<ImportsOptions> options,
    IOptions<PeopleOptions> people,
    TimeProvider time)
{
    public sealed record Accepted(Guid Id);

    public async Task<Result<Accepted>> RunAsync(ImportRequest request, string userId, CancellationToken cancellationToken)
    {
        if (PreviewImport.Check(request, options.Value) is { } invalid)
        {
            return invalid;
        }

        var run = new ImportRun
        {
            SourceName = request.SourceName!.Trim(),
            SourceKind = request.SourceKind is { } kind ? DeviceTerms.Sources[kind] : FactSource.Distributor,
            DefaultRegion = (request.DefaultRegion ?? people.Value.DefaultRegion).ToUpperInvariant(),
            DryRun = request.DryRun,
            Status = ImportStatus.Queued,
            ContentHash = "",
            CreatedBy = userId,
            CreatedAt = time.GetUtcNow(),
        };
        var committed = false;
        try
        {
            var saved = await inspector.SavedSourceAsync(request.SourceName, cancellationToken);
            var hashes = new StringBuilder();
            for (var i = 0; i < request.Files.Count; i++)
            {
                var upload = request.Files[i];
                if (await storage.SaveAsync(run.Id, i, upload.Content, cancellationToken) is not { } stored)
                {
                    return Failure.Invalid($"files[{i}]", "Import.File.file_too_large", upload.FileName, options.Value.MaxFileBytes);
                }

                InspectedFile file;
                await using (var content = storage.Open(run.Id, i)!)
                {
                    var inspected = inspector.Inspect(i, content, upload.FileName, request.Sheet, saved, PreviewImport.MappingOf(request, i));
                    if (!inspected.Succeeded)
                    {
                        return inspected.Failure!;
                    }

                    file = inspected.Value!;
                }

                hashes.Append(stored.Sha256);
                run.Files.Add(new ImportFile
                {
                    ImportId = run.Id,
                    Index = i,
                    FileName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 260 } name ? name : $"file-{i + 1}",
                    Size = stored.Bytes,
                    Sha256 = stored.Sha256,
                    Kind = file.Kind,
                    Encoding = file.Encoding,
                    Delimiter = file.Delimiter,
                    SheetName = file.SheetName,
                    HeaderLanguage = file.HeaderLanguage,
                    Headers = [.. file.Headers],
                    Mapping = new Dictionary<string, int>(file.Mapping),
                });
                if (PreviewImport.MappingOf(request, i) is { Count: > 0 } chosen)
                {
                    await RememberAsync(run.SourceName, file, chosen, userId, cancellationToken);
                }
            }

            run.ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(hashes.ToString())));
            if (!request.Force && await db.Imports.AsNoTracking()
                    .Where(i => i.ContentHash == run.ContentHash && i.Status != ImportStatus.Failed && !i.DryRun)
                    .Select(i => (Guid?)i.Id)
                    .FirstOrDefaultAsync(cancellationToken) is { } earlier)
            {
                return new Failure(FailureKind.Conflict, "Import.SameFiles", "files", earlier);
            }

            db.Imports.Add(run);
            timers.Set<ImportJob>(db, run.Id.ToString("N"), run.CreatedAt);
            await db.SaveChangesAsync(cancellationToken);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                storage.Delete(run.Id);
            }
        }

        await timers.HandOverAsync(db, cancellationToken);
        return new Accepted(run.Id);
    }

    // The person's corrections, by header as written, for the next file from this source.
    private async Task RememberAsync(string sourceName, InspectedFile file, IReadOnlyDictionary<string, int?> chosen, string userId, CancellationToken cancellationToken)
    {
        var key = ImportInspector.SourceKey(sourceName);
        var source = await db.ImportSources.SingleOrDefaultAsync(s => s.Key == key, cancellationToken)
            ?? db.ImportSources.Add(new ImportSource { Key = key, Name = sourceName, UpdatedBy = userId }).Entity;
        var fields = new Dictionary<string, string>(source.FieldByHeader, StringComparer.Ordinal);
        foreach (var (field, column) in chosen)
        {
            if (column is { } c)
            {
                fields[file.Headers[c]] = field;
            }
            else
            {
                foreach (var header in fields.Where(kv => kv.Value == field).Select(kv => kv.Key).ToList())
                {
                    fields[header] = "";
                }
            }
        }

        source.FieldByHeader = fields;
        source.UpdatedBy = userId;
        source.UpdatedAt = time.GetUtcNow();
    }
}
