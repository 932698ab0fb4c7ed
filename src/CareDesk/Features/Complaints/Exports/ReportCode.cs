namespace CareDesk.Features.Complaints.Exports;

/// <summary>An IMDRF adverse event code with its English term (IMDRF/AE WG/N43, <see cref="Imdrf.ImdrfTerms.Release"/>).</summary>
/// <param name="FdaCode">FDA's code for the same term (its MDR code hierarchies map IMDRF terms one to one), when the
/// settings know it (<see cref="ReportOptions.FdaCodes"/>): eMDR carries FDA's code.</param>
public sealed record ReportCode(char Annex, string Code, string Term, string? FdaCode = null);
