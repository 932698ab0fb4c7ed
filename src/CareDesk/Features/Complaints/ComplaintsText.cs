namespace CareDesk.Features.Complaints;

/// <summary>Marker for the Complaints strings in <c>Resources/Features/Complaints/ComplaintsText*.resx</c>.</summary>
public sealed class ComplaintsText;
