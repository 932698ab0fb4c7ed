using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Reading;

/// <summary>RFC 4180 as Excel writes it, every delimiter, and broken records reported with the records around them kept.</summary>
public sealed class CsvRecordReaderTests
{
    private static List<CsvRecord> Read(string text, char? delimiter = null, CsvReadLimits? limits = null)
    {
        var csv = CsvRecordReader.Open(new StringReader(text), delimiter, limits);
        var header = csv.ReadRecord()!;
        csv.ExpectedFieldCount = header.Fields.Count;
        return [header, .. csv.ReadRecords()];
    }

    [Theory]
    [InlineData("姓名,手机,备注", ',')]
    [InlineData("姓名;手机;备注", ';')]
    [InlineData("姓名\t手机\t备注", '\t')]
    [InlineData("姓名|手机|备注", '|')]
    [InlineData("\"姓名,全名\";手机;备注", ';')]
    [InlineData("姓名", ',')]
    public void The_delimiter_is_sniffed_from_the_header_outside_quotes(string header, char expected) =>
        Assert.Equal(expected, CsvRecordReader.SniffDelimiter(header));

    [Fact]
    public void Excels_sep_hint_line_sets_the_delimiter_and_is_not_a_record()
    {
        var records = Read("sep=;\n姓名;手机\n张三;13800138000\n");

        Assert.Equal(["姓名", "手机"], records[0].Fields);
        Assert.Equal(2, records[0].Line);
        Assert.Equal(3, records[1].Line);
        Assert.Equal(["张三", "13800138000"], records[1].Fields);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Records_end_at_crlf_lf_or_a_lone_cr(string newline)
    {
        var records = Read($"姓名,手机{newline}张三,138{newline}李四,139{newline}");

        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["李四", "139"], records[2].Fields);
    }

    [Fact]
    public void Quoted_delimiters_doubled_quotes_and_quoted_newlines_are_data_and_lines_are_counted_physically()
    {
        var records = Read("姓名,地址,备注\r\n\"张,三\",\"北京市\r\n朝阳区\",\"他说\"\"你好\"\"\"\r\n李四,上海,\r\n");

        Assert.All(records, r => Assert.True(r.IsValid));
        Assert.Equal(["张,三", "北京市\r\n朝阳区", "他说\"你好\""], records[1].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["李四", "上海", ""], records[2].Fields);
    }

    [Fact]
    public void A_short_record_between_good_ones_is_column_count_and_its_neighbours_still_come_through()
    {
        var records = Read("姓名,手机,城市\n张三,138,北京\n李四,139\n王五,137,上海\n");

        Assert.Equal([null, null, RecordProblem.ColumnCount, null], records.Select(r => r.Problem));
        Assert.Equal("李四,139", records[2].Raw);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["王五", "137", "上海"], records[3].Fields);
    }

    [Fact]
    public void A_long_record_is_column_count_but_trailing_empty_fields_are_accepted()
    {
        var records = Read("姓名,手机\n张三,138,,\n李四,139,多余\n");

        Assert.Equal(["张三", "138"], records[1].Fields);
        Assert.True(records[1].IsValid);
        Assert.Equal(RecordProblem.ColumnCount, records[2].Problem);
    }

    [Fact]
    public void A_quote_that_never_closes_reports_its_line_and_reading_resumes_on_the_next_line()
    {
        var records = Read("姓名,手机,地址\n张三,138,北京\n李四,\"139,上海\n王五,137,广州\n赵六,136,深圳\n");

        Assert.Equal(["姓名", "张三", null, "王五", "赵六"], records.Select(r => r.Fields.Count > 0 ? r.Fields[0] : null));
        var broken = records[2];
        Assert.Equal((RecordProblem.UnterminatedQuote, 3, "李四,\"139,上海"), (broken.Problem, broken.Line, broken.Raw));
        Assert.Equal([4, 5], records.Skip(3).Select(r => r.Line));
    }

    [Fact]
    public void A_stray_quote_closed_by_another_stray_quote_lines_later_does_not_swallow_the_lines_between()
    {
        var records = Read("姓名,手机,地址\n李四,\"139,上海\n王五,137,广州\n赵六,136,\"深圳\"x\"\n钱七,135,杭州\n");

        Assert.Equal(RecordProblem.UnterminatedQuote, records[1].Problem);
        Assert.Equal(["王五", "137", "广州"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["钱七", "135", "杭州"], records[^1].Fields);
    }

    [Fact]
    public void A_quoted_field_running_past_the_line_limit_is_unterminated_and_memory_stays_bounded()
    {
        var lines = string.Concat(Enumerable.Range(0, 50).Select(i => $"张{i},13{i}\n"));
        var records = Read("姓名,手机\n李四,\"139\n" + lines, limits: new CsvReadLimits { MaxLinesInRecord = 10 });

        Assert.Equal(RecordProblem.UnterminatedQuote, records[1].Problem);
        Assert.Equal(51, records.Count(r => r.IsValid));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_as_lines()
    {
        var records = Read("姓名,手机\n\n张三,138\r\n\r\n李四,139");

        Assert.Equal([(3, "张三"), (5, "李四")], records.Skip(1).Select(r => (r.Line, r.Fields[0])));
    }

    [Fact]
    public void Quotes_inside_an_unquoted_field_and_text_after_a_closing_quote_are_kept_as_written()
    {
        var records = Read("型号,备注\n15\" monitor,\"a\"b\n");

        Assert.Equal(["15\" monitor", "ab"], records[1].Fields);
    }
}
