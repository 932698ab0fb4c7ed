namespace CareDesk.Features.Devices;

/// <summary>Marker for the device strings in <c>Resources/Features/Devices/DevicesText*.resx</c>.</summary>
public sealed class DevicesText;
