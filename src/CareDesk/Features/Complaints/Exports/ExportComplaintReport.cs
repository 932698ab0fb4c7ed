using System.Text;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// Quality exports one complaint as one regulator's report (F17 "Export"): the form filled from the complaint file,
/// as XLSX, a printable page or, for FDA's eMDR, HL7 ICSR XML. Every export is an audited action, besides the audited
/// read of the person it names.
/// </summary>
public sealed class ExportComplaintReport(GetComplaint complaints, ComplaintReportReader reader, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "exported";

    /// <param name="Sheet">The filled form, for the app's printable page; null for eMDR.</param>
    /// <param name="Reference">The line printed under the form's title: complaint, case and when it was exported.</param>
    public sealed record Export(string FileName, string ContentType, byte[] Content, ReportSheet? Sheet, string Reference, Guid CaseId);

    public async Task<Result<Export>> RunAsync(Guid id, string? form, string? format, StaffActor actor, CancellationToken cancellationToken)
    {
        if (form is null || !ReportForms.Formats.TryGetValue(form, out var formats))
        {
            return Failure.Invalid("form", "ComplaintReports.UnknownForm", form ?? "", string.Join(", ", ReportForms.Formats.Keys));
        }

        format ??= formats[0];
        if (!formats.Contains(format, StringComparer.Ordinal))
        {
            return Failure.Invalid("format", "ComplaintReports.UnknownFormat", format, form, string.Join(", ", formats));
        }

        // The audited read, and the field rep's own-customers rule, are the complaint file's own.
        // Exports are quality's (QualityDecisions), never a masked viewer's: the report carries the caller's words.
        var file = await complaints.ByIdAsync(id, actor, masked: false, cancellationToken);
        if (file.Failure is { Kind: FailureKind.NotFound })
        {
            return Failure.NotFound("id", "ComplaintReports.NotFound", id);
        }

        if (!file.Succeeded)
        {
            return file.Failure!;
        }

        var report = (await reader.ReadAsync(id, cancellationToken))!;
        var now = time.GetUtcNow();
        var reference = $"{report.CaseNumber} · {id} · {now:yyyy-MM-dd HH:mm} UTC";
        var name = $"{report.CaseNumber}-{form}";
        Export exported;
        if (format == ReportForms.Xml)
        {
            exported = new Export($"{name}.xml", FdaEmdrXml.ContentType, Xml(report, now), null, reference, file.Value!.CaseId);
        }
        else
        {
            var sheet = ReportForms.Sheet(form, report)!;
            exported = format == ReportForms.Xlsx
                ? new Export($"{name}.xlsx", ReportSheetXlsx.ContentType, ReportSheetXlsx.Write(sheet), sheet, reference, file.Value!.CaseId)
                : new Export($"{name}.html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(ReportSheetHtml.Document(sheet, reference)), sheet, reference, file.Value!.CaseId);
        }

        await audit.RecordActionAsync(AuditAction, nameof(Complaint), id.ToString(), cancellationToken, reason: $"{form} {format}");
        return exported;
    }

    private static byte[] Xml(ComplaintReport report, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        FdaEmdrXml.Write(report, now).Save(stream);
        return stream.ToArray();
    }
}
