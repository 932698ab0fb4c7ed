namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// The legal manufacturer from the catalog, names in both languages (a Chinese form wants 中文名称), and what the
/// settings say of it (<see cref="ReportOptions"/>): FDA's Central File Number and the MDR contact office (3500A G1).
/// </summary>
public sealed record ReportManufacturer(string? NameEn, string? NameZh, string? Country, string? FdaCentralFileNumber = null, MdrContactOffice? MdrContact = null);
