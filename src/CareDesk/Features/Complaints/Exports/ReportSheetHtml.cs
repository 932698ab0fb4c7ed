using System.Net;
using System.Text;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// The printable rendering of a <see cref="ReportSheet"/>: one table per section, the form's numbers beside its labels,
/// blank cells where the care center knows nothing. The app's page shows <see cref="Fragment"/> in its layout; the API
/// sends <see cref="Document"/>, a page of its own. Both print on A4 with the app's chrome hidden.
/// </summary>
public static class ReportSheetHtml
{
    /// <summary>Print rules: A4, no navigation, no section split across a page where avoidable.</summary>
    public const string Css = """
        .report-sheet { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", Arial, sans-serif; font-size: 10.5pt; color: #000; max-width: 190mm; }
        .report-sheet h1 { font-size: 14pt; margin: 0 0 4pt; }
        .report-sheet .report-meta { font-size: 9pt; margin: 0 0 8pt; }
        .report-sheet table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0 0 8pt; page-break-inside: avoid; break-inside: avoid; }
        .report-sheet caption { text-align: left; font-weight: bold; padding: 3pt 0; }
        .report-sheet th, .report-sheet td { border: 1px solid #444; padding: 3pt 5pt; vertical-align: top; text-align: left; }
        .report-sheet col.code { width: 11%; }
        .report-sheet col.label { width: 39%; }
        .report-sheet th { font-weight: normal; white-space: normal; overflow-wrap: anywhere; }
        .report-sheet td { white-space: pre-wrap; overflow-wrap: anywhere; }
        .report-sheet td.blank { background: #f3f3f3; }
        .report-sheet footer { font-size: 8pt; margin-top: 6pt; }
        @page { size: A4; margin: 12mm; }
        @media print {
            .no-print, .mud-appbar, .mud-drawer, .mud-snackbar-provider { display: none !important; }
            .mud-main-content { padding: 0 !important; margin: 0 !important; }
            .report-sheet td.blank { background: none; }
        }
        """;

    public static string Fragment(ReportSheet sheet, string reference)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"report-sheet\" lang=\"").Append(E(sheet.Language)).Append("\" data-form=\"").Append(E(sheet.Form)).Append("\">");
        html.Append("<h1>").Append(E(sheet.Title)).Append("</h1>");
        html.Append("<p class=\"report-meta\">").Append(E(reference)).Append("</p>");
        foreach (var section in sheet.Sections)
        {
            html.Append("<table><caption>").Append(E(section.Title)).Append("</caption>")
                .Append("<colgroup><col class=\"code\"><col class=\"label\"><col></colgroup><tbody>");
            foreach (var field in section.Fields)
            {
                // A form without numbers (NMPA's) names its fields by their labels: one cell, not the same words twice.
                html.Append("<tr>").Append(field.Label.StartsWith(field.Code, StringComparison.Ordinal)
                        ? "<th class=\"label\" colspan=\"2\" scope=\"row\">"
                        : "<th class=\"code\" scope=\"row\">" + E(field.Code) + "</th><th class=\"label\" scope=\"row\">")
                    .Append(E(field.Label)).Append("</th>")
                    .Append(field.Value is null ? "<td class=\"blank\"></td>" : "<td>" + E(field.Value) + "</td>")
                    .Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<footer>").Append(E(sheet.Source)).Append("</footer></article>");
        return html.ToString();
    }

    public static string Document(ReportSheet sheet, string reference) =>
        $"<!DOCTYPE html><html lang=\"{E(sheet.Language)}\"><head><meta charset=\"utf-8\"><title>{E(sheet.Title)} — {E(reference)}</title>"
        + $"<style>{Css}</style></head><body>{Fragment(sheet, reference)}</body></html>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
