namespace CareDesk.Features.Complaints.Reportability;

/// <summary>Information received after the first awareness: its own receipt time starts any new clock.</summary>
public sealed record LaterInformation(DateTimeOffset ReceivedAt, FactSet Facts);
