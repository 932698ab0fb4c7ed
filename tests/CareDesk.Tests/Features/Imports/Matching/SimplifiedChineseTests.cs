using CareDesk.Features.Imports.Matching;

namespace CareDesk.Tests.Features.Imports.Matching;

public sealed class SimplifiedChineseTests
{
    [Theory]
    [InlineData('陳', '陈')]
    [InlineData('強', '强')]
    [InlineData('張', '张')]
    [InlineData('劉', '刘')]
    [InlineData('歐', '欧')]
    [InlineData('陽', '阳')]
    [InlineData('發', '发')]
    [InlineData('髮', '发')]
    [InlineData('復', '复')]
    public void Traditional_ideographs_fold_to_simplified(char traditional, char simplified) =>
        Assert.Equal(simplified, SimplifiedChinese.Fold(traditional));

    [Theory]
    [InlineData('陈')]
    [InlineData('王')]
    [InlineData('芳')]
    [InlineData('a')]
    [InlineData('1')]
    public void Anything_else_folds_to_itself(char character) => Assert.Equal(character, SimplifiedChinese.Fold(character));

    [Fact]
    public void Folding_twice_changes_nothing()
    {
        for (var character = '\u3400'; character <= '\u9FFF'; character++)
        {
            Assert.Equal(SimplifiedChinese.Fold(character), SimplifiedChinese.Fold(SimplifiedChinese.Fold(character)));
        }
    }

    [Fact]
    public void A_name_folds_character_by_character() => Assert.Equal("陈志强 Chen", SimplifiedChinese.Fold("陳志強 Chen"));
}
