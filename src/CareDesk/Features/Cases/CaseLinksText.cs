namespace CareDesk.Features.Cases;

/// <summary>Marker for the link and merge strings in <c>Resources/Features/Cases/CaseLinksText*.resx</c>.</summary>
public sealed class CaseLinksText;
