using System.Text;
using CareDesk.Features.Imports.Reading;
using MiniExcelLibs;

namespace CareDesk.Tests.Features.Imports.Reading;

/// <summary>Any file a distributor sends: kind from content, encoding and delimiter detected, records numbered with their lines.</summary>
public sealed class DistributorFileReaderTests
{
    private static MemoryStream Bytes(params byte[][] parts) => new([.. parts.SelectMany(p => p)]);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void A_gb18030_csv_with_semicolons_and_crlf_keeps_a_name_outside_the_bmp()
    {
        var text = "序号;客户姓名;手机号码;地址\r\n1;𠀀明;13800138000;\"北京市;朝阳区\"\r\n2;李四;13900139000;上海\r\n";

        using var file = DistributorFileReader.Read(Bytes(TextEncodingDetector.Gb18030Encoding.GetBytes(text)), "客户.csv").File!;
        var records = file.ReadRecords().ToList();

        Assert.Equal((DistributorFileKind.Csv, "gb18030", (char?)';'), (file.Kind, file.Encoding, file.Delimiter));
        Assert.Equal("𠀀明", records[0].CellAt(file.Mapping.ColumnOf(ImportField.Name)!.Value).Text);
        Assert.Equal("北京市;朝阳区", records[0].Cells[3].Text);
        Assert.Equal([(1, 2), (2, 3)], records.Select(r => (r.Number, r.Line)));
    }

    [Fact]
    public void A_utf8_csv_with_bom_and_tabs_in_english_reads_with_its_bom_stripped_from_the_first_header()
    {
        var text = "Name\tMobile\tDOB\nAnn Lee\t+1 415 555 0100\t1970-01-02\n";

        using var file = DistributorFileReader.Read(Bytes(Bom, Encoding.UTF8.GetBytes(text)), "list.txt").File!;

        Assert.Equal(("utf-8-bom", (char?)'\t'), (file.Encoding, file.Delimiter));
        Assert.Equal(["Name", "Mobile", "DOB"], file.Header);
        Assert.Equal(0, file.Mapping.ColumnOf(ImportField.Name));
        Assert.Equal("+1 415 555 0100", Assert.Single(file.ReadRecords()).Cells[1].Text);
    }

    [Fact]
    public void Broken_records_are_reported_with_their_number_line_and_raw_and_the_good_ones_around_them_import()
    {
        var text = "姓名,手机,备注\n张三,138,\"两行\n备注\"\n李四,139\n王五,\"137,坏\n赵六,136,好\n";

        using var file = DistributorFileReader.Read(Bytes(Encoding.UTF8.GetBytes(text)), "list.csv").File!;
        var records = file.ReadRecords().ToList();

        Assert.Equal(
            [(1, 2, null, null), (2, 4, RecordProblem.ColumnCount, "李四,139"), (3, 5, RecordProblem.UnterminatedQuote, "王五,\"137,坏"), (4, 6, null, null)],
            records.Select(r => (r.Number, r.Line, r.Problem, r.Raw)));
        Assert.Equal("两行\n备注", records[0].Cells[2].Text);
    }

    [Fact]
    public void The_kind_comes_from_the_content_not_the_name()
    {
        var workbook = new MemoryStream();
        workbook.SaveAs(new[] { new Dictionary<string, object?> { ["姓名"] = "张三" } });
        workbook.Position = 0;

        using var xlsxNamedCsv = DistributorFileReader.Read(workbook, "客户.csv").File!;
        using var csvNamedXlsx = DistributorFileReader.Read(Bytes(Encoding.UTF8.GetBytes("姓名\n张三\n")), "客户.xlsx").File!;

        Assert.Equal((DistributorFileKind.Xlsx, DistributorFileKind.Csv), (xlsxNamedCsv.Kind, csvNamedXlsx.Kind));
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        Assert.Equal(FileRejectionReason.EmptyFile, DistributorFileReader.Read(new MemoryStream(), "list.csv").Rejection?.Reason);
    }

    [Fact]
    public void A_file_of_blank_lines_has_no_header()
    {
        Assert.Equal(FileRejectionReason.NoHeader, DistributorFileReader.Read(Bytes("\r\n\r\n"u8.ToArray()), "list.csv").Rejection?.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00 })]
    public void Binary_that_is_neither_csv_nor_xlsx_is_refused(byte[] head)
    {
        var result = DistributorFileReader.Read(Bytes(head, new byte[1000]), "list.csv");

        Assert.Equal(FileRejectionReason.NotCsvOrXlsx, result.Rejection?.Reason);
    }

    [Fact]
    public void A_file_over_the_configured_size_is_refused_before_it_is_read()
    {
        var result = DistributorFileReader.Read(Bytes(new byte[2048]), "list.csv", new DistributorFileReadOptions { MaxFileBytes = 1024 });

        Assert.Equal(FileRejectionReason.FileTooLarge, result.Rejection?.Reason);
    }

    [Fact]
    public void An_upload_stream_that_cannot_seek_is_read_from_a_temporary_copy()
    {
        var bytes = TextEncodingDetector.Gb18030Encoding.GetBytes("姓名,电话\n张三,010-12345678\n");

        using var file = DistributorFileReader.Read(new ForwardOnlyStream(bytes), "list.csv").File!;

        Assert.Equal("gb18030", file.Encoding);
        Assert.Equal("010-12345678", Assert.Single(file.ReadRecords()).Cells[1].Text);
    }

    [Fact]
    public void Records_stream_from_the_file_rather_than_being_loaded_at_once()
    {
        var text = new StringBuilder("姓名,手机\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("张三,13800138000\n");
        }

        var stream = Bytes(Encoding.UTF8.GetBytes(text.ToString()));
        using var file = DistributorFileReader.Read(stream, "list.csv").File!;

        using var records = file.ReadRecords().GetEnumerator();
        Assert.True(records.MoveNext());

        Assert.True(stream.Position < stream.Length / 4, $"read {stream.Position} of {stream.Length} bytes for the first record");
        Assert.Throws<InvalidOperationException>(() => file.ReadRecords());
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
