namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// How far a quoted field may run before it counts as a quote that never closes. Real multi-line cells (an address,
/// a remark) span a few lines; a stray quote would otherwise swallow the rest of the file, so the reader gives up after
/// these limits, reports the record's first line as <c>unterminated_quote</c> and reads on from the next line.
/// </summary>
public sealed record CsvReadLimits
{
    public int MaxLinesInRecord { get; init; } = 100;

    public int MaxCharsInRecord { get; init; } = 100_000;
}
