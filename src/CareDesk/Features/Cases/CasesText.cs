namespace CareDesk.Features.Cases;

/// <summary>Marker for the Cases strings in <c>Resources/Features/Cases/CasesText*.resx</c>.</summary>
public sealed class CasesText;
