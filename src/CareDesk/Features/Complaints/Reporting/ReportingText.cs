namespace CareDesk.Features.Complaints.Reporting;

/// <summary>Marker for the strings of reporting on complaints in <c>Resources/Features/Complaints/Reporting/ReportingText*.resx</c>.</summary>
public sealed class ReportingText;
