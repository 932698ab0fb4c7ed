namespace CareDesk.Features.Imports.Reading;

public sealed record DistributorFileReadOptions
{
    /// <summary>The XLSX sheet to read; the first sheet when null.</summary>
    public string? SheetName { get; init; }

    /// <summary>Forces the CSV delimiter; sniffed from the header line when null.</summary>
    public char? CsvDelimiter { get; init; }

    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// The most an XLSX may unpack to, all parts together, checked against the zip's sizes before anything is
    /// decompressed (.NET never inflates an entry past its declared size, so the declared sizes are a true bound).
    /// </summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxXlsxEntries { get; init; } = 10_000;

    public CsvReadLimits CsvLimits { get; init; } = new();
}
