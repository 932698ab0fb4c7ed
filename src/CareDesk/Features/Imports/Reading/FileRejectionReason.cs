namespace CareDesk.Features.Imports.Reading;

/// <summary>The reason codes of a rejected file, as the import API names the problem.</summary>
public static class FileRejectionReason
{
    public const string EmptyFile = "empty_file";
    public const string FileTooLarge = "file_too_large";

    /// <summary>Binary that is not an XLSX (an old .xls, a PDF, an image, a zip that is no workbook).</summary>
    public const string NotCsvOrXlsx = "not_csv_or_xlsx";

    /// <summary>Starts like a zip but cannot be read as one, or its workbook parts are broken.</summary>
    public const string CorruptXlsx = "corrupt_xlsx";

    /// <summary>The workbook would unpack to more than the limit: a zip bomb, or simply too big to import.</summary>
    public const string XlsxTooLarge = "xlsx_too_large";

    /// <summary>An XML part declares a DTD (external entities, entity expansion): never parsed.</summary>
    public const string UnsafeXml = "unsafe_xml";

    public const string SheetNotFound = "sheet_not_found";

    /// <summary>No non-blank record to take as the header.</summary>
    public const string NoHeader = "no_header";

    /// <summary>The first record, the header, has a quote that never closes.</summary>
    public const string UnreadableHeader = "unreadable_header";
}
