using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class TextCellTests
{
    [Theory]
    [InlineData("无")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("NA")]
    [InlineData("#N/A")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("——")]
    [InlineData("/")]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("空")]
    [InlineData("暂无")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u3000")]
    [InlineData(" 无 ")]
    [InlineData("Ｎ／Ａ")]
    [InlineData("\t-\r\n")]
    public void Placeholders_and_blanks_are_no_value(string typed) => Assert.Null(TextCell.Clean(CellValue.FromText(typed)));

    [Theory]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("\u3000北京市朝阳区\u3000", "北京市朝阳区")]
    [InlineData("ＡＢＣ－１２３", "ABC-123")]
    [InlineData("（备注）", "(备注)")]
    [InlineData("  Accu-Chek Active ", "Accu-Chek Active")]
    [InlineData("无锡", "无锡")]
    [InlineData("NA-123", "NA-123")]
    public void Text_is_NFKC_normalized_and_trimmed(string typed, string clean) => Assert.Equal(clean, TextCell.Clean(CellValue.FromText(typed)));

    [Fact]
    public void A_missing_cell_is_no_value() => Assert.Null(TextCell.Clean(CellValue.Empty));

    [Theory]
    [InlineData(12345678.0, "12345678")]
    [InlineData(13800138000.0, "13800138000")]
    [InlineData(1.5, "1.5")]
    public void An_xlsx_number_in_a_text_column_keeps_its_digits(double number, string text) =>
        Assert.Equal(text, TextCell.Clean(CellValue.FromNumber(number)));

    [Fact]
    public void Free_text_makes_line_breaks_and_runs_of_spaces_one_space() =>
        Assert.Equal("上海市 徐汇区 漕溪北路88号", TextCell.FreeText(CellValue.FromText("上海市\r\n徐汇区   漕溪北路88号"), 200).Value);

    [Fact]
    public void Free_text_longer_than_its_limit_is_too_long() =>
        Assert.Equal(CellReason.TooLong, TextCell.FreeText(CellValue.FromText(new string('路', 201)), 200).Problem);

    [Fact]
    public void Free_text_placeholder_is_blank() => Assert.True(TextCell.FreeText(CellValue.FromText("暂无"), 200).IsBlank);

    [Theory]
    [InlineData(CellKind.Text, "1962-03-05")]
    [InlineData(CellKind.Number, "13800138000")]
    [InlineData(CellKind.Date, "1962-03-05")]
    public void Raw_shows_the_cell_as_the_distributor_sees_it(CellKind kind, string raw)
    {
        var cell = kind switch
        {
            CellKind.Text => CellValue.FromText("1962-03-05"),
            CellKind.Number => CellValue.FromNumber(13800138000),
            _ => CellValue.FromDate(new DateTime(1962, 3, 5)),
        };

        Assert.Equal(raw, cell.Raw);
    }
}
