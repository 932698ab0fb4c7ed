namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>Marker for the red-flag strings in <c>Resources/Features/Complaints/RedFlags/RedFlagsText*.resx</c>.</summary>
public sealed class RedFlagsText;
