namespace CareDesk.Features.Imports.Running;

/// <summary>The row of an import's files a report points at: <c>file</c> (0-based) and <c>record</c> (1-based).</summary>
public readonly record struct RowRef(int File, int Record);
