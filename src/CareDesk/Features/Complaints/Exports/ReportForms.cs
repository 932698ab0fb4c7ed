using System.Collections.Frozen;
using CareDesk.Features.Complaints.Exports.Forms;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>The exportable forms by their wire names, and the formats each one comes in.</summary>
public static class ReportForms
{
    public const string Fda3500A = "fda-3500a";
    public const string FdaEmdr = "fda-emdr";
    public const string EuMir = "eu-mir";
    public const string EuFsca = "eu-fsca";
    public const string CnNmpa = "cn-nmpa";

    public const string Xlsx = "xlsx";
    public const string Html = "html";
    public const string Xml = "xml";

    /// <summary>Form → its formats, the first being the default.</summary>
    public static readonly FrozenDictionary<string, string[]> Formats = new Dictionary<string, string[]>
    {
        [Fda3500A] = [Html, Xlsx],
        [FdaEmdr] = [Xml],
        [EuMir] = [Html, Xlsx],
        [EuFsca] = [Html, Xlsx],
        [CnNmpa] = [Html, Xlsx],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The forms shown as a sheet (XLSX or printable page), in the order the complaint panel lists them.</summary>
    public static readonly string[] Sheets = [Fda3500A, EuMir, EuFsca, CnNmpa];

    /// <summary>The filled sheet of a sheet form; null for a machine-only format (eMDR) or an unknown name.</summary>
    public static ReportSheet? Sheet(string form, ComplaintReport report) => form switch
    {
        Fda3500A => Fda3500AForm.Fill(report),
        EuMir => EuMirForm.Fill(report),
        EuFsca => EuFscaForm.Fill(report),
        CnNmpa => NmpaAdverseEventForm.Fill(report),
        _ => null,
    };
}
