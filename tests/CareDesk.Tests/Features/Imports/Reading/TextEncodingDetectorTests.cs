using System.Text;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Reading;

/// <summary>The encoding of a CSV is detected, never asked: BOM, else strict UTF-8, else GB18030.</summary>
public sealed class TextEncodingDetectorTests
{
    private const string Text = "姓名,手机\r\n𠀀明,13800138000\r\n";

    [Fact]
    public void A_utf8_byte_order_mark_means_utf8()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        var detected = TextEncodingDetector.Detect(new MemoryStream(bytes));

        Assert.Equal(("utf-8-bom", 3), (detected.Name, detected.PreambleLength));
    }

    [Fact]
    public void Bytes_that_decode_strictly_as_utf8_are_utf8()
    {
        var detected = TextEncodingDetector.Detect(new MemoryStream(Encoding.UTF8.GetBytes(Text)));

        Assert.Equal("utf-8", detected.Name);
        Assert.Equal(Text, detected.Encoding.GetString(Encoding.UTF8.GetBytes(Text)));
    }

    [Fact]
    public void Chinese_excel_csv_that_is_not_utf8_is_gb18030_and_keeps_characters_outside_the_bmp()
    {
        var bytes = TextEncodingDetector.Gb18030Encoding.GetBytes(Text);

        var detected = TextEncodingDetector.Detect(new MemoryStream(bytes));

        Assert.Equal("gb18030", detected.Name);
        Assert.Equal(Text, detected.Encoding.GetString(bytes));
        Assert.Contains("\U00020000", detected.Encoding.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_character_split_across_the_detectors_reading_chunks_is_still_utf8()
    {
        // 65,535 ASCII bytes put the three bytes of 张 across the 64 KB chunk boundary.
        var bytes = Encoding.UTF8.GetBytes(new string('a', 65_535) + "张三");

        Assert.Equal("utf-8", TextEncodingDetector.Detect(new MemoryStream(bytes)).Name);
    }

    [Fact]
    public void One_invalid_byte_deep_in_a_large_file_makes_it_gb18030()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 200_000)).Concat(TextEncodingDetector.Gb18030Encoding.GetBytes("张三")).ToArray();

        Assert.Equal("gb18030", TextEncodingDetector.Detect(new MemoryStream(bytes)).Name);
    }

    [Fact]
    public void Detection_leaves_the_stream_where_it_was()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Text));

        TextEncodingDetector.Detect(stream);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Excels_unicode_text_export_is_utf16_with_its_byte_order_mark()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Text)).ToArray();

        var detected = TextEncodingDetector.Detect(bytes);

        Assert.Equal(("utf-16le", 2), (detected.Name, detected.PreambleLength));
    }
}
