using System.IO.Compression;
using System.Text;
using CareDesk.Features.Imports.Reading;
using MiniExcelLibs;

namespace CareDesk.Tests.Features.Imports.Reading;

/// <summary>XLSX sheets read with their cell types, and malicious workbooks refused before anything big is unpacked.</summary>
public sealed class XlsxReadingTests
{
    private static MemoryStream Workbook(params (string Sheet, object Rows)[] sheets)
    {
        var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => s.Sheet, s => s.Rows));
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?>[] Customers(params Dictionary<string, object?>[] rows) => rows;

    private static readonly object TwoCustomers = Customers(
        new Dictionary<string, object?> { ["客户姓名"] = "张三", ["手机"] = 13800138000L, ["购机日期"] = new DateTime(2024, 3, 5), ["出生日期"] = "1960-07-01", ["序号"] = 1 },
        new Dictionary<string, object?> { ["客户姓名"] = "李四", ["手机"] = "13900139000", ["购机日期"] = null, ["出生日期"] = "1955年2月3日", ["序号"] = 2 });

    [Fact]
    public void Number_text_and_date_cells_keep_their_types()
    {
        using var file = DistributorFileReader.Read(Workbook(("客户", TwoCustomers)), "list.xlsx").File!;

        var records = file.ReadRecords().ToList();

        Assert.Equal((DistributorFileKind.Xlsx, "客户", (string?)null), (file.Kind, file.SheetName, file.Encoding));
        Assert.Equal(["客户姓名", "手机", "购机日期", "出生日期", "序号"], file.Header);
        var first = records[0].Cells;
        Assert.Equal(CellValue.FromText("张三"), first[0]);
        Assert.Equal(CellValue.FromNumber(13800138000), first[1]);
        Assert.Equal("13800138000", first[1].ToString());
        Assert.Equal(CellValue.FromDate(new DateTime(2024, 3, 5)), first[2]);
        Assert.Equal(CellValue.FromText("1960-07-01"), first[3]);
        Assert.Equal(CellValue.FromText("13900139000"), records[1].Cells[1]);
        Assert.True(records[1].Cells[2].IsEmpty);
        Assert.Equal([(1, 2), (2, 3)], records.Select(r => (r.Number, r.Line)));
        Assert.Equal(2, file.Mapping.ColumnOf(ImportField.PurchaseDate));
    }

    [Fact]
    public void A_named_sheet_is_read_instead_of_the_first()
    {
        var other = Customers(new Dictionary<string, object?> { ["Name"] = "Ann Lee", ["Mobile"] = "+1 415 555 0100" });
        var options = new DistributorFileReadOptions { SheetName = "US" };

        using var file = DistributorFileReader.Read(Workbook(("客户", TwoCustomers), ("US", other)), "list.xlsx", options).File!;

        Assert.Equal("US", file.SheetName);
        Assert.Equal("Ann Lee", Assert.Single(file.ReadRecords()).Cells[0].Text);
        Assert.Equal(HeaderLanguage.English, file.Mapping.Language);
    }

    [Fact]
    public void A_sheet_that_does_not_exist_is_refused_naming_the_sheets_there_are()
    {
        var result = DistributorFileReader.Read(Workbook(("客户", TwoCustomers)), "list.xlsx", new DistributorFileReadOptions { SheetName = "Sheet9" });

        Assert.Equal(FileRejectionReason.SheetNotFound, result.Rejection?.Reason);
        Assert.Contains("客户", result.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_rows_above_and_inside_the_table_are_skipped_and_lines_are_excels_row_numbers()
    {
        var stream = WithPart(Workbook(("Sheet1", TwoCustomers)), "xl/worksheets/sheet1.xml",
            """<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
            + """<row r="3"><c r="B3" t="inlineStr"><is><t>姓名</t></is></c><c r="C3" t="inlineStr"><is><t>手机</t></is></c></row>"""
            + """<row r="6"><c r="B6" t="inlineStr"><is><t>张三</t></is></c><c r="C6"><v>13800138000</v></c><c r="H6" t="inlineStr"><is><t>右边</t></is></c></row>"""
            + "</sheetData></worksheet>");

        using var file = DistributorFileReader.Read(stream, "list.xlsx").File!;

        Assert.Equal(3, file.HeaderLine);
        Assert.Equal(["", "姓名", "手机"], file.Header);
        var record = Assert.Single(file.ReadRecords());
        Assert.Equal((1, 6, 3), (record.Number, record.Line, record.Cells.Count));
        Assert.Equal(13800138000, record.Cells[2].Number);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_declared_sizes_before_anything_is_unpacked()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "xl/workbook.xml", "<workbook/>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write(new byte[20 * 1024 * 1024]);
        }

        Assert.True(bomb.Length < 100 * 1024);
        bomb.Position = 0;

        var result = DistributorFileReader.Read(bomb, "bomb.xlsx", new DistributorFileReadOptions { MaxXlsxUncompressedBytes = 10 * 1024 * 1024 });

        Assert.Equal(FileRejectionReason.XlsxTooLarge, result.Rejection?.Reason);
        Assert.Equal(200L * 1024 * 1024, new DistributorFileReadOptions().MaxXlsxUncompressedBytes);
    }

    [Fact]
    public void A_zip_entry_that_understates_its_size_is_never_inflated_past_what_it_declares()
    {
        // Why the declared sizes are a safe bound for the zip-bomb check: .NET stops at the declared length.
        var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            part.Write(new byte[5 * 1024 * 1024]);
        }

        var bytes = zipped.ToArray();
        for (var i = 0; i < bytes.Length - 4; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 100u);
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 100u);
            }
        }

        using var lying = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var content = lying.Entries[0].Open();
        var inflated = 0L;
        var buffer = new byte[64 * 1024];
        for (int read; (read = content.Read(buffer)) > 0;)
        {
            inflated += read;
        }

        Assert.Equal(100, inflated);
    }

    [Theory]
    [InlineData("""<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""")]
    [InlineData("""<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>""")]
    public void A_part_declaring_external_or_expanding_entities_is_refused(string doctype)
    {
        var stream = WithPart(Workbook(("Sheet1", TwoCustomers)), "xl/sharedStrings.xml",
            """<?xml version="1.0" encoding="utf-8"?>""" + doctype
            + """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>""");

        var result = DistributorFileReader.Read(stream, "list.xlsx");

        Assert.Equal(FileRejectionReason.UnsafeXml, result.Rejection?.Reason);
    }

    [Fact]
    public void A_dtd_hidden_behind_padding_is_refused_all_the_same()
    {
        var stream = WithPart(Workbook(("Sheet1", TwoCustomers)), "xl/worksheets/sheet1.xml",
            """<?xml version="1.0" encoding="utf-8"?>""" + new string(' ', 8000)
            + """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>""");

        var result = DistributorFileReader.Read(stream, "list.xlsx");

        Assert.True(result.IsRejected);
        Assert.Null(result.File);
    }

    [Fact]
    public void A_file_that_starts_like_a_zip_but_is_not_one_is_a_corrupt_xlsx()
    {
        var result = DistributorFileReader.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]), "list.xlsx");

        Assert.Equal(FileRejectionReason.CorruptXlsx, result.Rejection?.Reason);
    }

    [Fact]
    public void A_zip_that_holds_no_workbook_is_neither_csv_nor_xlsx()
    {
        var archive = new MemoryStream();
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "word/document.xml", "<document/>");
        }

        archive.Position = 0;

        Assert.Equal(FileRejectionReason.NotCsvOrXlsx, DistributorFileReader.Read(archive, "list.xlsx").Rejection?.Reason);
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static MemoryStream WithPart(MemoryStream workbook, string name, string xml)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            Write(zip, name, xml);
        }

        workbook.Position = 0;
        return workbook;
    }
}
