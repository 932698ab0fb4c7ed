namespace CareDesk.Features.Imports.Reading;

/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="Fields">The fields; empty for an unterminated quote.</param>
/// <param name="Problem">A <see cref="RecordProblem"/> code, or null for a well-formed record.</param>
/// <param name="Raw">The record's text as written, kept only when it has a problem (for the report's <c>raw</c>).</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem, string? Raw)
{
    public bool IsValid => Problem is null;
}
