namespace CareDesk.Features.Complaints.Trending;

/// <summary>A catalog model as the trend page's picker shows it: its id and its name in the reader's language.</summary>
public sealed record TrendModelChoice(string Id, string Name);
