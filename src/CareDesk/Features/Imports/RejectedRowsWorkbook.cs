using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CareDesk.Features.Imports;

/// <summary>
/// The rejected rows of an import as an XLSX to send back to the distributor: one line per problem, in the reader's
/// language — file, record, line, what the column means, the header as written, why, and what was written.
/// </summary>
public sealed class RejectedRowsWorkbook(CareDeskDbContext db, AuditTrail audit, IStringLocalizer<ImportsText> text)
{
    public sealed record File(byte[] Content, string Name);

    public async Task<Result<File>> RunAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Imports.AsNoTracking().Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } run)
        {
            return Failure.NotFound("Import.NotFound");
        }

        var names = run.Files.ToDictionary(f => f.Index, f => f.FileName);
        var lines = new List<Dictionary<string, object?>>();
        var rows = db.ImportRows.AsNoTracking()
            .Where(r => r.ImportId == id && r.Status == ImportRowStatus.Invalid)
            .OrderBy(r => r.FileIndex).ThenBy(r => r.Record)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var problem in ImportRowView.Of(row).Errors)
            {
                lines.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [text["Import.Sheet.File"]] = names.GetValueOrDefault(row.FileIndex),
                    [text["Import.Sheet.Record"]] = row.Record,
                    [text["Import.Sheet.Line"]] = row.Line,
                    [text["Import.Sheet.Field"]] = problem.Field is { } field ? FieldName(text, field) : null,
                    [text["Import.Sheet.Column"]] = problem.Column,
                    [text["Import.Sheet.Reason"]] = ReasonText(text, problem.Reason),
                    [text["Import.Sheet.Code"]] = problem.Reason,
                    [text["Import.Sheet.Raw"]] = problem.Raw,
                });
            }
        }

        if (lines.Count == 0)
        {
            lines.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { [text["Import.Sheet.File"]] = text["Import.Sheet.NoneRejected"].Value });
        }

        using var stream = new MemoryStream();
        stream.SaveAs(lines, sheetName: text["Import.Sheet.Name"], excelType: ExcelType.XLSX);
        await audit.RecordReadAsync(nameof(ImportRun), id.ToString(), cancellationToken, "rejected rows workbook");
        return new File(stream.ToArray(), $"rejected-rows-{run.CreatedAt:yyyyMMdd-HHmm}.xlsx");
    }

    public static string FieldName(IStringLocalizer text, string field) => text[$"Import.Field.{field}"] is { ResourceNotFound: false } found ? found.Value : field;

    public static string ReasonText(IStringLocalizer text, string reason) => text[$"Import.Reason.{reason}"] is { ResourceNotFound: false } found ? found.Value : reason;
}
