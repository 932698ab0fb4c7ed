using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// Checks an XLSX before any sheet is read: a readable zip, a workbook inside, unpacked size under the limit (zip
/// bombs), and no XML part declaring a DTD (external entities, billion laughs). MiniExcel prohibits DTDs itself; the
/// check here runs first so the file is refused with a reason code, not an exception halfway through the rows.
/// </summary>
public static class XlsxPackageInspector
{
    private static readonly XmlReaderSettings PrologSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    /// <summary>Null when the package is safe to read; the stream is left at the position it had.</summary>
    public static FileRejection? Inspect(Stream stream, DistributorFileReadOptions options)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxXlsxEntries)
            {
                return new FileRejection(FileRejectionReason.XlsxTooLarge, $"The workbook holds more than {options.MaxXlsxEntries} parts.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > options.MaxXlsxUncompressedBytes)
                {
                    return new FileRejection(FileRejectionReason.XlsxTooLarge, $"The workbook unpacks to more than {options.MaxXlsxUncompressedBytes / (1024 * 1024)} MB.");
                }
            }

            if (!zip.Entries.Any(e => string.Equals(e.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return new FileRejection(FileRejectionReason.NotCsvOrXlsx, "A zip archive, but not an Excel workbook.");
            }

            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                var rejection = InspectProlog(entry);
                if (rejection is not null)
                {
                    return rejection;
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return new FileRejection(FileRejectionReason.CorruptXlsx, "The file starts like an XLSX but is not a readable zip.");
        }
        finally
        {
            stream.Position = start;
        }
    }

    // A DTD can only stand in the prolog, so reading up to the root element is enough, and cheap even for a big sheet.
    private static FileRejection? InspectProlog(ZipArchiveEntry entry)
    {
        var head = new byte[(int)Math.Min(4096, entry.Length)];
        int read;
        using (var part = entry.Open())
        {
            read = part.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var encoding = head is [0xFF, 0xFE, ..] ? Encoding.Unicode : head is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode : Encoding.UTF8;
        var headText = encoding.GetString(head, 0, read);
        if (headText.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || headText.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            return new FileRejection(FileRejectionReason.UnsafeXml, $"The workbook part {entry.FullName} declares a DTD (external entities are refused).");
        }

        try
        {
            using var part = entry.Open();
            using var xml = XmlReader.Create(part, PrologSettings);
            while (xml.Read() && xml.NodeType != XmlNodeType.Element)
            {
            }

            return null;
        }
        catch (XmlException)
        {
            // Also where a DTD hidden behind 4 KB of padding lands: refused all the same, DtdProcessing.Prohibit saw to it.
            return new FileRejection(FileRejectionReason.CorruptXlsx, $"The workbook part {entry.FullName} is not well-formed XML or declares a DTD.");
        }
    }
}
