namespace CareDesk.Features.Imports.Reading;

/// <param name="Index">0-based position of the column in the file.</param>
/// <param name="Header">The header as written (the report's <c>column</c>).</param>
public sealed record HeaderColumn(int Index, string Header);
