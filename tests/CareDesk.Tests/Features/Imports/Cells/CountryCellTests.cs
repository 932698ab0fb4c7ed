using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class CountryCellTests
{
    [Theory]
    [InlineData("中国", "CN")]
    [InlineData("中华人民共和国", "CN")]
    [InlineData("China", "CN")]
    [InlineData("CHINA", "CN")]
    [InlineData("CN", "CN")]
    [InlineData("cn", "CN")]
    [InlineData("PRC", "CN")]
    [InlineData("中国大陆", "CN")]
    [InlineData("美国", "US")]
    [InlineData("USA", "US")]
    [InlineData("US", "US")]
    [InlineData("United States", "US")]
    [InlineData("United  States", "US")]
    [InlineData("香港", "HK")]
    [InlineData("中国香港", "HK")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("HK", "HK")]
    [InlineData("台湾", "TW")]
    [InlineData("Taiwan", "TW")]
    [InlineData("新加坡", "SG")]
    [InlineData("Singapore", "SG")]
    [InlineData("日本", "JP")]
    [InlineData("Japan", "JP")]
    [InlineData("英国", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("ＣＮ", "CN")]
    [InlineData("澳门", "MO")]
    [InlineData("FR", "FR")]
    [InlineData("br", "BR")]
    public void Country_words_and_codes_become_ISO_alpha_2(string typed, string code) => Assert.Equal(code, CountryCell.Parse(CellValue.FromText(typed)).Value);

    [Theory]
    [InlineData("火星")]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    public void An_unknown_country_is_a_problem(string typed) => Assert.Equal(CellReason.UnknownCountry, CountryCell.Parse(CellValue.FromText(typed)).Problem);

    [Fact]
    public void A_placeholder_is_no_country() => Assert.True(CountryCell.Parse(CellValue.FromText("无")).IsBlank);
}
