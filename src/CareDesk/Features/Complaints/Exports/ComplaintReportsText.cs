namespace CareDesk.Features.Complaints.Exports;

/// <summary>Marker for the report export strings in <c>Resources/Features/Complaints/Exports/ComplaintReportsText*.resx</c>.</summary>
public sealed class ComplaintReportsText;
