namespace CareDesk.Features.Imports.Reading;

/// <param name="Line">The sheet's 1-based row number, as Excel shows it.</param>
public sealed record XlsxRow(int Line, IReadOnlyList<CellValue> Cells);
