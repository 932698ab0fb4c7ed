namespace CareDesk.Features.Imports.Running;

/// <summary>
/// One problem of a rejected row, as the report gives it: the <c>field</c> (what the column means; null for a broken
/// record), the <c>column</c> (the header as written), the <c>reason</c> code and the <c>raw</c> value.
/// </summary>
public sealed record ImportProblem(string? Field, string? Column, string Reason, string Raw);
