namespace CareDesk.Features.Search;

/// <summary>Marker for the global search's strings in <c>Resources/Features/Search/SearchText*.resx</c>.</summary>
public sealed class SearchText;
