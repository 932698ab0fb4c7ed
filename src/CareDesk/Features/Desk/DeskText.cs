namespace CareDesk.Features.Desk;

/// <summary>Marker for the desk's strings in <c>Resources/Features/Desk/DeskText*.resx</c>.</summary>
public sealed class DeskText;
