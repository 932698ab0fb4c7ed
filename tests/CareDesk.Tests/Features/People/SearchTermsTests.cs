using CareDesk.Features.People.Search;

namespace CareDesk.Tests.Features.People;

public sealed class SearchTermsTests
{
    [Fact]
    public void A_chinese_name_is_indexed_by_every_part_and_every_pinyin_spelling_from_each_ideograph()
    {
        var terms = SearchTerms.ForName("王丽");

        Assert.Superset(new HashSet<string> { "王丽", "丽", "wangli", "li" }, terms.ToHashSet());
        Assert.DoesNotContain("wl", terms);
    }

    [Fact]
    public void An_ideograph_of_several_readings_is_indexed_by_each_without_tones()
    {
        Assert.Equal(["chan", "dan", "shan"], Pinyin.Of('单').Order());
        Assert.Superset(new HashSet<string> { "shanyue", "shanle", "danyue", "danle", "chanle", "yue", "le" }, SearchTerms.ForName("单乐").ToHashSet());
        Assert.Superset(new HashSet<string> { "lv", "lu" }, SearchTerms.ForName("吕").ToHashSet());
    }

    [Fact]
    public void A_latin_name_is_compacted_to_lower_case_without_accents_spaces_or_punctuation()
    {
        Assert.Equal("marysmith", SearchTerms.Compact("Mary Smith"));
        Assert.Equal("wangli", SearchTerms.Compact("Wáng Lì"));
        Assert.Equal("wangli", SearchTerms.Compact("ＷａｎｇＬｉ"));
        Assert.Superset(new HashSet<string> { "marysmith", "smith", "ith" }, SearchTerms.ForName("Mary Smith").ToHashSet());
    }

    [Fact]
    public void A_number_is_indexed_by_every_ending_of_four_digits_or_more_in_e164_and_national_form()
    {
        var terms = SearchTerms.ForPhone("+861065529988");

        Assert.Superset(new HashSet<string> { "861065529988", "1065529988", "65529988", "9988", "01065529988" }, terms.ToHashSet());
        Assert.DoesNotContain("988", terms);
    }

    [Theory]
    [InlineData("1234 5678", "12345678")]
    [InlineData("(010) 6552-9988", "0106552998" + "8")]
    [InlineData("+44 20.7946", "44207946")]
    [InlineData("１２３４", "1234")]
    [InlineData("5678 王", null)]
    [InlineData("SN-1234", null)]
    public void A_query_of_digits_and_separators_is_part_of_a_number(string query, string? digits) =>
        Assert.Equal(digits, SearchTerms.PhoneDigits(query));
}
