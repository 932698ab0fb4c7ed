namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// CSV or XLSX from the first bytes, never from the name: distributors send .csv files that are workbooks and .xls
/// files that are tab-separated text.
/// </summary>
public static class FileKindDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 8 * 1024;

    public static (DistributorFileKind? Kind, FileRejection? Rejection) Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return (null, new FileRejection(FileRejectionReason.EmptyFile, "The file is empty."));
        }

        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return (DistributorFileKind.Xlsx, null);
        }

        if (head is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return (null, new FileRejection(FileRejectionReason.NotCsvOrXlsx, "An Excel 97–2003 (.xls) workbook: save it as .xlsx or CSV."));
        }

        // A UTF-16 BOM excuses the NUL bytes that otherwise mark binary.
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (DistributorFileKind.Csv, null);
        }

        return LooksLikeText(head)
            ? (DistributorFileKind.Csv, null)
            : (null, new FileRejection(FileRejectionReason.NotCsvOrXlsx, "Neither a CSV text nor an XLSX workbook."));
    }

    // Text in UTF-8 or GB18030 has no NUL and almost no other control bytes besides tab and line breaks.
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C or 0x1A))
            {
                control++;
            }
        }

        return control * 100 <= head.Length;
    }
}
