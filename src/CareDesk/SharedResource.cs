namespace CareDesk;

/// <summary>Marker for the shared UI strings in <c>Resources/SharedResource.resx</c> (English) and <c>.zh-Hans.resx</c>.</summary>
public sealed class SharedResource;
