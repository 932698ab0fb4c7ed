namespace CareDesk.Features.Imports.Cells;

/// <summary>One refused cell of a row: the field it was mapped to, why, and what the distributor wrote.</summary>
public sealed record CellProblem(string Field, CellReason Reason, string Raw);
