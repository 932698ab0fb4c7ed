namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// Opens any file a distributor sends: the kind from its content (not its name), the encoding and delimiter of a CSV,
/// the sheet of an XLSX, the header and its mapping, then the records as a stream.
/// </summary>
public static class DistributorFileReader
{
    /// <summary>
    /// The caller keeps ownership of <paramref name="stream"/> and must keep it open while the records are read; a
    /// stream that cannot seek is first copied to a temporary file, deleted when the <see cref="DistributorFile"/> is disposed.
    /// </summary>
    public static DistributorFileReadResult Read(Stream stream, string fileName, DistributorFileReadOptions? options = null)
    {
        options ??= new DistributorFileReadOptions();
        Stream? temporaryCopy = null;
        if (!stream.CanSeek)
        {
            temporaryCopy = CopyToTemporaryFile(stream, options.MaxFileBytes);
            if (temporaryCopy is null)
            {
                return Rejected(FileRejectionReason.FileTooLarge, TooLarge(options));
            }
        }
        else if (stream.Length - stream.Position > options.MaxFileBytes)
        {
            return Rejected(FileRejectionReason.FileTooLarge, TooLarge(options));
        }

        var source = temporaryCopy ?? stream;
        try
        {
            var result = Open(source, fileName, options, temporaryCopy);
            if (result.IsRejected)
            {
                temporaryCopy?.Dispose();
            }

            return result;
        }
        catch
        {
            temporaryCopy?.Dispose();
            throw;
        }
    }

    private static DistributorFileReadResult Open(Stream source, string fileName, DistributorFileReadOptions options, Stream? temporaryCopy)
    {
        var start = source.Position;
        var head = new byte[FileKindDetector.HeadLength];
        var headLength = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        source.Position = start;
        var (kind, rejection) = FileKindDetector.Detect(head.AsSpan(0, headLength));
        if (rejection is not null)
        {
            return new DistributorFileReadResult(null, rejection);
        }

        return kind == DistributorFileKind.Xlsx
            ? OpenXlsx(source, fileName, options, temporaryCopy)
            : OpenCsv(source, fileName, options, temporaryCopy);
    }

    private static DistributorFileReadResult OpenCsv(Stream source, string fileName, DistributorFileReadOptions options, Stream? temporaryCopy)
    {
        var encoding = TextEncodingDetector.Detect(source);
        source.Seek(encoding.PreambleLength, SeekOrigin.Current);
        var text = new StreamReader(source, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = CsvRecordReader.Open(text, options.CsvDelimiter, options.CsvLimits);
        var header = csv.ReadRecord();
        if (header is null)
        {
            text.Dispose();
            return Rejected(FileRejectionReason.NoHeader, "The file holds no header line.");
        }

        if (!header.IsValid)
        {
            text.Dispose();
            return Rejected(FileRejectionReason.UnreadableHeader, $"The header on line {header.Line} has a quote that never closes.");
        }

        csv.ExpectedFieldCount = header.Fields.Count;
        var file = new DistributorFile(fileName, DistributorFileKind.Csv, header.Fields, header.Line, CsvRecords(csv), new Resources(text, temporaryCopy))
        {
            Encoding = encoding.Name,
            Delimiter = csv.Delimiter,
        };
        return new DistributorFileReadResult(file, null);
    }

    private static IEnumerable<SourceRecord> CsvRecords(CsvRecordReader csv)
    {
        var number = 0;
        foreach (var record in csv.ReadRecords())
        {
            number++;
            yield return new SourceRecord(number, record.Line, [.. record.Fields.Select(CellValue.FromText)], record.Problem, record.Raw);
        }
    }

    private static DistributorFileReadResult OpenXlsx(Stream source, string fileName, DistributorFileReadOptions options, Stream? temporaryCopy)
    {
        var rejection = XlsxPackageInspector.Inspect(source, options);
        if (rejection is not null)
        {
            return new DistributorFileReadResult(null, rejection);
        }

        var (sheetName, sheetRejection) = XlsxSheetReader.ChooseSheet(source, options.SheetName);
        if (sheetRejection is not null)
        {
            return new DistributorFileReadResult(null, sheetRejection);
        }

        var rows = XlsxSheetReader.ReadRows(source, sheetName!).GetEnumerator();
        XlsxRow? headerRow = null;
        try
        {
            while (headerRow is null && rows.MoveNext())
            {
                if (!rows.Current.Cells.All(c => c.IsEmpty))
                {
                    headerRow = rows.Current;
                }
            }
        }
        catch (DistributorFileException ex)
        {
            rows.Dispose();
            return Rejected(ex.Reason, ex.Message);
        }

        if (headerRow is null)
        {
            rows.Dispose();
            return Rejected(FileRejectionReason.NoHeader, $"Sheet \"{sheetName}\" is empty.");
        }

        // The header's last named column bounds the table; cells further right belong to no column.
        var width = headerRow.Cells.Count;
        while (width > 0 && headerRow.Cells[width - 1].IsEmpty)
        {
            width--;
        }

        var header = headerRow.Cells.Take(width).Select(c => c.ToString()).ToList();
        var file = new DistributorFile(fileName, DistributorFileKind.Xlsx, header, headerRow.Line, XlsxRecords(rows, width), new Resources(rows, temporaryCopy))
        {
            SheetName = sheetName,
        };
        return new DistributorFileReadResult(file, null);
    }

    private static IEnumerable<SourceRecord> XlsxRecords(IEnumerator<XlsxRow> rows, int width)
    {
        var number = 0;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Cells.All(c => c.IsEmpty))
            {
                continue;
            }

            number++;
            var cells = new CellValue[width];
            for (var i = 0; i < width && i < row.Cells.Count; i++)
            {
                cells[i] = row.Cells[i];
            }

            yield return new SourceRecord(number, row.Line, cells, null, null);
        }
    }

    private static FileStream? CopyToTemporaryFile(Stream stream, long maxBytes)
    {
        var copy = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                copy.Dispose();
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static string TooLarge(DistributorFileReadOptions options) => $"The file is larger than {options.MaxFileBytes / (1024 * 1024)} MB.";

    private static DistributorFileReadResult Rejected(string reason, string detail) => new(null, new FileRejection(reason, detail));

    private sealed class Resources(IDisposable reader, IDisposable? temporaryCopy) : IDisposable
    {
        public void Dispose()
        {
            reader.Dispose();
            temporaryCopy?.Dispose();
        }
    }
}
