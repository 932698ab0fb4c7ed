namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// A distributor's file opened for import: what was detected about it and its records, streamed one at a time so a
/// million-row file never sits in memory. Dispose it when done (it may hold a temporary copy of the upload).
/// </summary>
public sealed class DistributorFile : IDisposable
{
    private readonly IEnumerable<SourceRecord> _records;
    private readonly IDisposable? _resources;
    private bool _recordsRead;

    internal DistributorFile(string fileName, DistributorFileKind kind, IReadOnlyList<string> header, int headerLine, IEnumerable<SourceRecord> records, IDisposable? resources)
    {
        FileName = fileName;
        Kind = kind;
        Header = header;
        HeaderLine = headerLine;
        Mapping = HeaderMapping.FromHeaders(header);
        _records = records;
        _resources = resources;
    }

    /// <summary>As uploaded; kept for the report only, never used to decide the kind.</summary>
    public string FileName { get; }

    public DistributorFileKind Kind { get; }

    /// <summary>For a CSV, a <see cref="TextEncodingDetector"/> name (<c>utf-8-bom</c>, <c>utf-8</c>, <c>gb18030</c>…); null for an XLSX.</summary>
    public string? Encoding { get; init; }

    public char? Delimiter { get; init; }

    public string? SheetName { get; init; }

    public IReadOnlyList<string> Header { get; }

    public int HeaderLine { get; }

    /// <summary>The mapping guessed from the header; pass a corrected one to the import after <see cref="HeaderMapping.WithOverrides"/>.</summary>
    public HeaderMapping Mapping { get; }

    /// <summary>The records below the header, in file order. They stream from the file, so this can be called once.</summary>
    public IEnumerable<SourceRecord> ReadRecords()
    {
        if (_recordsRead)
        {
            throw new InvalidOperationException("The records of a distributor file stream from it once; open the file again to reread.");
        }

        _recordsRead = true;
        return _records;
    }

    public void Dispose() => _resources?.Dispose();
}
