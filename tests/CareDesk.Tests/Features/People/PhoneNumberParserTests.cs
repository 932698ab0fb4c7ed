using CareDesk.Features.People;
using Microsoft.Extensions.Options;

namespace CareDesk.Tests.Features.People;

public sealed class PhoneNumberParserTests
{
    private static readonly PhoneNumberParser Parser = new(Options.Create(new PeopleOptions { DefaultRegion = "CN" }));

    public static TheoryData<string, string> ReadableNumbers => new()
    {
        { "13912345678", "+8613912345678" },
        { "139 1234 5678", "+8613912345678" },
        { "139-1234-5678", "+8613912345678" },
        { "+86 139 1234 5678", "+8613912345678" },
        { "+86-139-1234-5678", "+8613912345678" },
        { "0086 139 1234 5678", "+8613912345678" },
        { "００８６１３９１２３４５６７８", "+8613912345678" },
        { "１３９－１２３４－５６７８", "+8613912345678" },
        { "(+86) 13912345678", "+8613912345678" },
        { "010-6552 9988", "+861065529988" },
        { "010 65529988", "+861065529988" },
        { "0755 8888 8888", "+8675588888888" },
        { "+1 (650) 253-0000", "+16502530000" },
        { "001 650 253 0000", "+16502530000" },
        { "+44 20 7946 0958", "+442079460958" },
        { "+44 (0)20 7946 0958", "+442079460958" },
    };

    [Theory]
    [MemberData(nameof(ReadableNumbers))]
    public void Whatever_was_typed_becomes_E164(string typed, string e164)
    {
        var parsed = Parser.TryParse(typed);

        Assert.NotNull(parsed);
        Assert.Equal(e164, parsed.E164);
        Assert.Equal(e164[^4..], parsed.LastDigits);
        Assert.Equal(typed.Trim(), parsed.Raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123")]
    [InlineData("1391234")]
    [InlineData("abc")]
    [InlineData("139-CALL-ME")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("+86 139 1234 5678 9999 0000")]
    [InlineData(null)]
    public void What_is_not_a_phone_number_is_refused(string? typed) => Assert.Null(Parser.TryParse(typed));

    [Fact]
    public void The_default_region_reads_national_numbers()
    {
        var us = new PhoneNumberParser(Options.Create(new PeopleOptions { DefaultRegion = "US" }));

        Assert.Equal("+16502530000", us.TryParse("(650) 253-0000")?.E164);
    }
}

public sealed class MaskingTests
{
    [Theory]
    [InlineData("+8613912345678", "+86139****5678")]
    [InlineData("+442079460958", "+4420****0958")]
    [InlineData("+123", "***")]
    public void Phone_numbers_keep_their_ends(string value, string masked) => Assert.Equal(masked, Masking.Phone(value));

    [Theory]
    [InlineData("wang.jianguo@example.com", "w***@example.com")]
    [InlineData("@nolocal", "***")]
    public void Emails_lose_their_local_part(string value, string masked) => Assert.Equal(masked, Masking.Email(value));

    [Theory]
    [InlineData("5678 王", "5678", "王")]
    [InlineData("王 5678", "5678", "王")]
    [InlineData("王　5678", "5678", "王")]
    public void Last_digits_and_a_name_are_read_in_either_order(string query, string digits, string name) =>
        Assert.Equal((digits, name), SearchPeople.LastDigitsAndName(query));

    [Theory]
    [InlineData("王秀英")]
    [InlineData("56789 王")]
    [InlineData("5678")]
    public void Anything_else_is_not_a_last_digits_search(string query) => Assert.Null(SearchPeople.LastDigitsAndName(query));
}
