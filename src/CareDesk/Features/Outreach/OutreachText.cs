namespace CareDesk.Features.Outreach;

/// <summary>Marker for the outreach strings in <c>Resources/Features/Outreach/OutreachText*.resx</c>.</summary>
public sealed class OutreachText;
