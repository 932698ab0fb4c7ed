namespace CareDesk.Features.Imports;

/// <summary>Marker for the import strings in <c>Resources/Features/Imports/ImportsText*.resx</c>.</summary>
public sealed class ImportsText;
