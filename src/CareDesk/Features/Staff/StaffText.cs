namespace CareDesk.Features.Staff;

/// <summary>Marker for the Staff strings in <c>Resources/Features/Staff/StaffText*.resx</c>.</summary>
public sealed class StaffText;
