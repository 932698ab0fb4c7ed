namespace CareDesk.Features.Complaints.Trending;

/// <summary>Marker for the trending strings in <c>Resources/Features/Complaints/Trending/TrendingText*.resx</c>.</summary>
public sealed class TrendingText;
