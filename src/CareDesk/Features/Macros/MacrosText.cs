namespace CareDesk.Features.Macros;

/// <summary>Marker for the macro strings in <c>Resources/Features/Macros/MacrosText*.resx</c>.</summary>
public sealed class MacrosText;
