namespace CareDesk.Features.Complaints.Reportability;

/// <summary>Marker for the reportability strings in <c>Resources/Features/Complaints/ReportabilityText*.resx</c>.</summary>
public sealed class ReportabilityText;
