using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// What the reports to regulators say about the maker that no complaint holds (<c>Reports</c> section): FDA's Central
/// File Number, the MDR contact office of 3500A G1, and FDA's own codes for the IMDRF terms (docs/regulatory-exports.md).
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// The maker's FDA Central File Number (CFN), the reporter's registration number with FDA: it starts the eMDR batch
    /// id, <c>&lt;CFN&gt;-&lt;yyyyMMddHHmmss&gt;</c>, as FDA's sample submission asks. Without it the case number stands in.
    /// </summary>
    [RegularExpression(@"^\d{7,10}$", ErrorMessage = "Reports:FdaCentralFileNumber is FDA's Central File Number: 7 to 10 digits.")]
    public string? FdaCentralFileNumber { get; set; }

    /// <summary>3500A G1, the contact office for MDRs (21 CFR 803.52(e)(1)); the form's G1 is blank without it.</summary>
    public MdrContactOffice MdrContact { get; set; } = new();

    /// <summary>
    /// IMDRF code → FDA's code for the same term (FDA's MDR adverse event code hierarchies map each IMDRF term of annexes
    /// A–G to one FDA code, which eMDR carries). A code missing here goes to FDA as "other" with its IMDRF code beside it.
    /// </summary>
    public Dictionary<string, string> FdaCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
