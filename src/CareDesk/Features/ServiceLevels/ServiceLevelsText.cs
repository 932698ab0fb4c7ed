namespace CareDesk.Features.ServiceLevels;

/// <summary>Marker for the service-level strings in <c>Resources/Features/ServiceLevels/ServiceLevelsText*.resx</c>.</summary>
public sealed class ServiceLevelsText;
