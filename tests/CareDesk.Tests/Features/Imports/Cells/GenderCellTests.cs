using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class GenderCellTests
{
    [Theory]
    [InlineData("男", Sex.Male)]
    [InlineData("男性", Sex.Male)]
    [InlineData(" 先生 ", Sex.Male)]
    [InlineData("M", Sex.Male)]
    [InlineData("m", Sex.Male)]
    [InlineData("Male", Sex.Male)]
    [InlineData("MALE", Sex.Male)]
    [InlineData("Ｍ", Sex.Male)]
    [InlineData("女", Sex.Female)]
    [InlineData("女性", Sex.Female)]
    [InlineData("女士", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("female", Sex.Female)]
    [InlineData("Female ", Sex.Female)]
    [InlineData("小姐", Sex.Female)]
    public void Gender_words_in_both_languages_are_read(string typed, Sex sex) => Assert.Equal(sex, GenderCell.Parse(CellValue.FromText(typed)).Value);

    [Theory]
    [InlineData("保密")]
    [InlineData("未知")]
    [InlineData("Unknown")]
    [InlineData("1")]
    [InlineData("男女")]
    public void Other_words_are_unknown_and_not_a_problem(string typed)
    {
        var result = GenderCell.Parse(CellValue.FromText(typed));

        Assert.Null(result.Problem);
        Assert.Equal(Sex.Unknown, result.Value);
    }

    [Fact]
    public void A_placeholder_is_no_gender() => Assert.True(GenderCell.Parse(CellValue.FromText("-")).IsBlank);
}
