namespace CareDesk.Features.Imports.Reading;

/// <summary>One record of a distributor's file below the header, valid or not.</summary>
/// <param name="Number">1-based among the file's records (blank lines and the header not counted): the report's <c>record</c>.</param>
/// <param name="Line">The physical line (CSV) or sheet row (XLSX) it starts on: the report's <c>line</c>.</param>
/// <param name="Cells">One cell per header column; for a <c>column_count</c> record, the fields as they came.</param>
/// <param name="Problem">A <see cref="RecordProblem"/> code when the record is broken, else null.</param>
/// <param name="Raw">The broken record's text as written, for the report; null for a valid one.</param>
public sealed record SourceRecord(int Number, int Line, IReadOnlyList<CellValue> Cells, string? Problem, string? Raw)
{
    public bool IsValid => Problem is null;

    public CellValue CellAt(int index) => index >= 0 && index < Cells.Count ? Cells[index] : CellValue.Empty;
}
