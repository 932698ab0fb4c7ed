namespace CareDesk.Features.Outreach;

/// <summary>Marker for the recall strings in <c>Resources/Features/Outreach/RecallsText*.resx</c>.</summary>
public sealed class RecallsText;
