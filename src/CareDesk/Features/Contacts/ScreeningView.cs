namespace CareDesk.Features.Contacts;

/// <summary>The contact's screening answer (F15): does the caller allege a problem with a device, <c>yes</c> or <c>no</c>; who answered and when.</summary>
public sealed record ScreeningView(string DeviceProblemAlleged, string? ScreenedBy, string? ScreenedByName, DateTimeOffset? ScreenedAt);
