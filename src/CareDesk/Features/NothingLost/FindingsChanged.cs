namespace CareDesk.Features.NothingLost;

/// <summary>What changed in one scan; pushed to the supervisors' open findings pages.</summary>
public sealed record FindingsChanged(int Raised, int Resolved);
