using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class NameCellTests
{
    [Theory]
    [InlineData("王芳", "王芳")]
    [InlineData("王 芳", "王芳")]
    [InlineData(" 王\u3000芳 ", "王芳")]
    [InlineData("欧阳 娜娜", "欧阳娜娜")]
    [InlineData("张  三  丰", "张三丰")]
    [InlineData("买买提 · 艾力", "买买提·艾力")]
    [InlineData("John Smith", "John Smith")]
    [InlineData("John   Smith", "John Smith")]
    [InlineData("Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith")]
    [InlineData("Li Wei", "Li Wei")]
    [InlineData("王 Wendy", "王 Wendy")]
    [InlineData("𠀀芳", "𠀀芳")]
    public void Names_are_cleaned(string typed, string name)
    {
        var result = NameCell.Parse(CellValue.FromText(typed));

        Assert.Null(result.Problem);
        Assert.Equal(name, result.Value);
    }

    [Theory]
    [InlineData("王")]
    [InlineData("J")]
    [InlineData(" 芳 ")]
    public void One_character_is_too_short(string typed) => Assert.Equal(CellReason.TooShort, NameCell.Parse(CellValue.FromText(typed)).Problem);

    [Fact]
    public void A_name_over_fifty_characters_is_too_long() =>
        Assert.Equal(CellReason.TooLong, NameCell.Parse(CellValue.FromText(new string('芳', 51))).Problem);

    [Fact]
    public void Fifty_characters_are_still_a_name() => Assert.True(NameCell.Parse(CellValue.FromText(new string('芳', 50))).HasValue);

    [Theory]
    [InlineData("无")]
    [InlineData("")]
    [InlineData("N/A")]
    public void A_placeholder_is_no_name(string typed) => Assert.True(NameCell.Parse(CellValue.FromText(typed)).IsBlank);
}
