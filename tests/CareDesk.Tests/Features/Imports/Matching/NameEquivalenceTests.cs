using CareDesk.Features.Imports.Matching;

namespace CareDesk.Tests.Features.Imports.Matching;

public sealed class NameEquivalenceTests
{
    [Theory]
    [InlineData("王芳", "王芳")]
    [InlineData("欧阳娜娜", "欧阳娜娜")]
    [InlineData("John Smith", "John Smith")]
    [InlineData("陳志強", "陳志強")]
    public void Equal_names_are_exact(string a, string b) => Assert.Equal(NameMatch.Exact, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("王 芳", "王芳")]
    [InlineData(" 王芳 ", "王芳")]
    [InlineData("王\u3000芳", "王芳")]
    [InlineData("WANG Fang", "wang fang")]
    [InlineData("Wang Fang", "wang-fang")]
    [InlineData("Ｗａｎｇ　Ｆａｎｇ", "Wang Fang")]
    [InlineData("买买提·艾力", "买买提 艾力")]
    [InlineData("O'Brien", "obrien")]
    public void Names_equal_after_normalization_are_normalized(string a, string b) =>
        Assert.Equal(NameMatch.Normalized, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("陳志強", "陈志强")]
    [InlineData("張偉", "张伟")]
    [InlineData("劉德華", "刘德华")]
    [InlineData("歐陽娜娜", "欧阳娜娜")]
    [InlineData("鄭 麗", "郑丽")]
    [InlineData("黃淑貞", "黄淑贞")]
    public void Traditional_and_simplified_characters_are_traditional(string a, string b) =>
        Assert.Equal(NameMatch.Traditional, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("王芳", "Wang Fang")]
    [InlineData("王芳", "Fang Wang")]
    [InlineData("王芳", "WANGFANG")]
    [InlineData("王芳", "wang-fang")]
    [InlineData("王芳", "WANG, Fang")]
    [InlineData("Wang Fang", "王芳")]
    [InlineData("张伟", "Zhang Wei")]
    [InlineData("陈志强", "Chen Zhiqiang")]
    [InlineData("陳志強", "Zhiqiang Chen")]
    [InlineData("李小龙", "Xiaolong Li")]
    [InlineData("欧阳娜娜", "Ouyang Nana")]
    [InlineData("欧阳娜娜", "Nana Ouyang")]
    [InlineData("司马光", "Sima Guang")]
    [InlineData("司马光", "Guang Sima")]
    [InlineData("诸葛亮", "ZHUGE LIANG")]
    [InlineData("吕芳", "Lü Fang")]
    [InlineData("吕芳", "Lv Fang")]
    [InlineData("吕芳", "Lyu Fang")]
    [InlineData("吕芳", "Lu Fang")]
    [InlineData("西安", "Xi'an")]
    [InlineData("乾隆", "Qian Long")]
    [InlineData("張偉", "ZHANG Wei")]
    [InlineData("上官婉儿", "Wan'er Shangguan")]
    [InlineData("王芳", "Ｗａｎｇ　Ｆａｎｇ")]
    public void A_chinese_name_and_its_romanisation_in_either_order_are_pinyin(string a, string b) =>
        Assert.Equal(NameMatch.Pinyin, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("单田芳", "Shan Tianfang")]
    [InlineData("单田芳", "Dan Tianfang")]
    [InlineData("曾国藩", "Zeng Guofan")]
    [InlineData("曾国藩", "Ceng Guofan")]
    [InlineData("乐嘉", "Yue Jia")]
    [InlineData("乐嘉", "Le Jia")]
    public void Any_reading_of_a_polyphonic_surname_is_pinyin(string a, string b) =>
        Assert.Equal(NameMatch.Pinyin, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("王芳", "王方")]
    [InlineData("张伟", "张玮")]
    [InlineData("张伟", "张薇")]
    [InlineData("李静", "李婧")]
    [InlineData("刘小红", "刘晓鸿")]
    [InlineData("欧阳娜娜", "欧阳纳娜")]
    [InlineData("單芳", "单方")]
    [InlineData("黃芳", "黄方")]
    [InlineData("王　方", "王芳")]
    [InlineData("曾伟", "曾玮")]
    public void Given_names_that_differ_only_by_a_shared_reading_are_homophones(string a, string b) =>
        Assert.Equal(NameMatch.Homophone, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("王芳", "王芬")]
    [InlineData("王芳", "汪芳")]
    [InlineData("王芳", "黄芳")]
    [InlineData("欧阳娜娜", "欧杨娜娜")]
    [InlineData("张伟", "章伟")]
    [InlineData("李明", "李明明")]
    [InlineData("李明", "李敏")]
    [InlineData("王芳", "李芳")]
    [InlineData("王芳", "王芳芳")]
    [InlineData("王芳", "Wang Feng")]
    [InlineData("王芳", "Wang Fan")]
    [InlineData("王芳", "Wang Fang Fang")]
    [InlineData("王芳", "Huang Fang")]
    [InlineData("Wang Fang", "Wang Feng")]
    [InlineData("Wang Fang", "Fang Wang")]
    [InlineData("John Smith", "Smith John")]
    [InlineData("李明", "Li")]
    [InlineData("王芳", "王 Fang")]
    [InlineData("王芳", "")]
    [InlineData("", "")]
    [InlineData("  ", " ")]
    [InlineData("-", "/")]
    [InlineData("欧阳娜娜", "Yangnana Ou")]
    [InlineData("王芳", "Wng Fang")]
    [InlineData("张伟", "Chang Wei")]
    public void Different_names_are_none(string a, string b) => Assert.Equal(NameMatch.None, NameEquivalence.Compare(a, b));

    [Theory]
    [InlineData("王芳", "汪芳")]
    [InlineData("王芳", "Wang Fang")]
    [InlineData("张伟", "张玮")]
    [InlineData("陳志強", "陈志强")]
    [InlineData("王芳", "王芬")]
    public void The_order_of_the_names_does_not_change_the_answer(string a, string b) =>
        Assert.Equal(NameEquivalence.Compare(a, b), NameEquivalence.Compare(b, a));

    [Fact]
    public void A_long_run_of_ideographs_against_letters_is_none_without_searching() =>
        Assert.Equal(NameMatch.None, NameEquivalence.Compare(new string('单', 40), new string('a', 200)));
}
