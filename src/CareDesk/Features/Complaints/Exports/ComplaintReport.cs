namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// Everything the care center can know of one complaint for a regulator's report (FDA 3500A and eMDR, EU MIR 7.3.1 and
/// FSCA, NMPA's 注册人医疗器械不良事件报告表), in one neutral shape the form mappers read. A null is "not known here":
/// each form leaves it blank (or, in eMDR, sends a null flavor). <see cref="ComplaintReportReader"/> fills it from
/// the complaint file and what it links to.
/// </summary>
public sealed record ComplaintReport(
    Guid ComplaintId,
    string CaseNumber,
    DateOnly ReportDate,
    ReportManufacturer Manufacturer,
    ReportDevice Device,
    ReportEvent Event,
    ReportPerson Reporter,
    ReportPatient? Patient,
    ReportInvestigation Investigation,
    IReadOnlyList<ReportCode> ImdrfCodes)
{
    /// <summary>The maker's own reference for this report (FDA G9 "Mfr report #", MIR 1.3.1b, NMPA 报告编码 before the centre assigns one).</summary>
    public string ManufacturerReference => CaseNumber;

    public IEnumerable<ReportCode> DeviceProblemCodes => ImdrfCodes.Where(c => c.Annex == 'A');

    public IEnumerable<ReportCode> HealthEffectCodes => ImdrfCodes.Where(c => c.Annex is 'E' or 'F');

    public IEnumerable<ReportCode> InvestigationCodes => ImdrfCodes.Where(c => c.Annex is 'B' or 'C' or 'D' or 'G');
}
