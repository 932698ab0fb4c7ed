namespace CareDesk.Features.Staff;

/// <summary>A presence change, pushed live to supervisors (and to the user's other desktops).</summary>
public sealed record PresenceChanged(string UserId, string Name, string Presence);
