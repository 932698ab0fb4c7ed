namespace CareDesk.Features.People.Merging;

public sealed record RecallDeviceKey(Guid RecallId, Guid DeviceId);
