namespace CareDesk.Features.Devices;

/// <summary>One entry of a device's history; a status change names both statuses (API words), the notes are the agent's.</summary>
public sealed record DeviceEventView(Guid Id, string Kind, DateTimeOffset At, string? Notes, string? RecordedBy, string? FromStatus = null, string? ToStatus = null);
