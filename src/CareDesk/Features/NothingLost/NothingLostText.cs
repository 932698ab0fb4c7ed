namespace CareDesk.Features.NothingLost;

/// <summary>Marker for the strings in <c>Resources/Features/NothingLost/NothingLostText*.resx</c>.</summary>
public sealed class NothingLostText;
