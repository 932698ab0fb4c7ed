namespace CareDesk.Features.People.Merging;

public sealed record ProvenanceChange(Guid ContactPointId, FactProvenance Before, FactProvenance After);
