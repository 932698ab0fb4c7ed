namespace CareDesk.Features.Imports.Reading;

/// <summary>Why a whole file cannot be read (<see cref="FileRejectionReason"/>), with a detail for the person who sent it.</summary>
public sealed record FileRejection(string Reason, string Detail);
