namespace CareDesk.Features.Imports.Reading;

/// <summary>Why a record of the file could not be read as a row: the <c>reason</c> codes of the validation report.</summary>
public static class RecordProblem
{
    /// <summary>The record has more or fewer fields than the header (trailing empty fields excepted).</summary>
    public const string ColumnCount = "column_count";

    /// <summary>A quoted field never closes (within <see cref="CsvReadLimits"/>): its first line is reported, reading resumes after it.</summary>
    public const string UnterminatedQuote = "unterminated_quote";
}
