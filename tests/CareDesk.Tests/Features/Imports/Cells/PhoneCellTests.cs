using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class PhoneCellTests
{
    // The configured default is CN; every test passes the region itself, as the row normalizer does.
    private static readonly PhoneCell Phones = new(new PhoneNumberParser(Options.Create(new PeopleOptions { DefaultRegion = "CN" })));

    public static TheoryData<string, string, string, PhoneNumberType, string?> ReadableNumbers => new()
    {
        { "13800138000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "138 0013 8000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "138-0013-8000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "138.0013.8000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "+86-138-0013-8000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "+86 13800138000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "0086 138 0013 8000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "86-13800138000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "8613800138000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "(+86)13800138000", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "１３８００１３８０００", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "＋８６　１３８　００１３　８０００", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { " 13800138000 ", "CN", "+8613800138000", PhoneNumberType.MOBILE, null },
        { "021-6212 3456", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, null },
        { "(021)62123456", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, null },
        { "（０２１）６２１２３４５６", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, null },
        { "021-6212 3456转801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 转 801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456分机801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 分机号 801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 ext 801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 ext.801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 EXT. 801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456x801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456 X 801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "021-62123456#801", "CN", "+862162123456", PhoneNumberType.FIXED_LINE, "801" },
        { "0755 8888 8888", "CN", "+8675588888888", PhoneNumberType.FIXED_LINE, null },
        { "0755-88888888", "CN", "+8675588888888", PhoneNumberType.FIXED_LINE, null },
        { "010-65529988", "CN", "+861065529988", PhoneNumberType.FIXED_LINE, null },
        { "+86 10 6552 9988", "CN", "+861065529988", PhoneNumberType.FIXED_LINE, null },
        { "(415) 555-0132", "US", "+14155550132", PhoneNumberType.FIXED_LINE_OR_MOBILE, null },
        { "415.555.0132", "US", "+14155550132", PhoneNumberType.FIXED_LINE_OR_MOBILE, null },
        { "+1 415 555 0132", "CN", "+14155550132", PhoneNumberType.FIXED_LINE_OR_MOBILE, null },
        { "001 415 555 0132", "CN", "+14155550132", PhoneNumberType.FIXED_LINE_OR_MOBILE, null },
        { "9123 4567", "HK", "+85291234567", PhoneNumberType.MOBILE, null },
        { "2123 4567", "HK", "+85221234567", PhoneNumberType.FIXED_LINE, null },
        { "8123 4567", "SG", "+6581234567", PhoneNumberType.MOBILE, null },
        { "0912-345-678", "TW", "+886912345678", PhoneNumberType.MOBILE, null },
        { "+44 20 7946 0958", "CN", "+442079460958", PhoneNumberType.FIXED_LINE, null },
        { "020 7946 0958", "GB", "+442079460958", PhoneNumberType.FIXED_LINE, null },
    };

    [Theory]
    [MemberData(nameof(ReadableNumbers))]
    public void Numbers_typed_every_way_become_E164_with_their_type_and_extension(string typed, string region, string e164, PhoneNumberType type, string? extension)
    {
        var result = Phones.Parse(CellValue.FromText(typed), region);

        Assert.Null(result.Problem);
        var phone = Assert.Single(result.Value!);
        Assert.Equal(new ImportedPhone(e164, type, extension), phone);
    }

    [Fact]
    public void A_US_number_in_a_Chinese_list_is_read_with_the_rows_country()
    {
        var asUs = Phones.Parse(CellValue.FromText("(415) 555-0132"), "US");
        var asCn = Phones.Parse(CellValue.FromText("(415) 555-0132"), "CN");

        Assert.Equal("+14155550132", Assert.Single(asUs.Value!).E164);
        // Read as Chinese it is a valid Dandong landline (0415): why the row's country, not the list's, must decide.
        Assert.Equal("+864155550132", Assert.Single(asCn.Value!).E164);
    }

    public static TheoryData<string, string, CellReason> RefusedNumbers => new()
    {
        { "138****1234", "CN", CellReason.Masked },
        { "138 **** 1234", "CN", CellReason.Masked },
        { "138＊＊＊＊1234", "CN", CellReason.Masked },
        { "138xxxx1234", "CN", CellReason.Masked },
        { "138XXXX1234", "CN", CellReason.Masked },
        { "1.38001E+10", "CN", CellReason.ScientificNotation },
        { "1.38E10", "CN", CellReason.ScientificNotation },
        { "1.38001e+10", "CN", CellReason.ScientificNotation },
        { "8.61380E+12", "CN", CellReason.ScientificNotation },
        { "139-CALL-ME", "CN", CellReason.ContainsLetters },
        { "1-800-FLOWERS", "US", CellReason.ContainsLetters },
        { "13800138000(女儿)", "CN", CellReason.ContainsLetters },
        { "13800138000 王先生", "CN", CellReason.ContainsLetters },
        { "tel 13800138000", "CN", CellReason.ContainsLetters },
        { "O13800138000", "CN", CellReason.ContainsLetters },
        { "6212 3456", "CN", CellReason.MissingAreaCode },
        { "62123456", "CN", CellReason.MissingAreaCode },
        { "8888888", "CN", CellReason.MissingAreaCode },
        { "6212-3456转801", "CN", CellReason.MissingAreaCode },
        { "1380013800", "CN", CellReason.InvalidNumber },
        { "138001380001", "CN", CellReason.InvalidNumber },
        { "12345", "CN", CellReason.InvalidNumber },
        { "00000000000", "CN", CellReason.InvalidNumber },
        { "62123456", "US", CellReason.InvalidNumber },
        { "+86 6212 3456", "CN", CellReason.InvalidNumber },
        { "021-6212", "CN", CellReason.InvalidNumber },
    };

    [Theory]
    [MemberData(nameof(RefusedNumbers))]
    public void Broken_numbers_are_refused_with_their_reason_never_repaired(string typed, string region, CellReason reason) =>
        Assert.Equal(reason, Phones.Parse(CellValue.FromText(typed), region).Problem);

    [Theory]
    [InlineData("13800138000/13900139000")]
    [InlineData("13800138000 / 13900139000")]
    [InlineData("13800138000、13900139000")]
    [InlineData("13800138000；13900139000")]
    [InlineData("13800138000,13900139000")]
    [InlineData("13800138000\n13900139000")]
    public void Two_numbers_in_one_cell_are_both_kept(string typed)
    {
        var result = Phones.Parse(CellValue.FromText(typed), "CN");

        Assert.Equal(["+8613800138000", "+8613900139000"], result.Value!.Select(phone => phone.E164));
    }

    [Fact]
    public void The_same_number_twice_in_a_cell_is_kept_once() =>
        Assert.Single(Phones.Parse(CellValue.FromText("13800138000/138-0013-8000"), "CN").Value!);

    [Fact]
    public void One_bad_number_of_two_refuses_the_cell() =>
        Assert.Equal(CellReason.Masked, Phones.Parse(CellValue.FromText("13800138000/139****0139"), "CN").Problem);

    [Fact]
    public void An_xlsx_number_cell_keeps_every_digit()
    {
        var result = Phones.Parse(CellValue.FromNumber(13800138000), "CN");

        Assert.Equal("+8613800138000", Assert.Single(result.Value!).E164);
    }

    [Theory]
    [InlineData(1e16)]
    [InlineData(-13800138000)]
    [InlineData(13800138000.5)]
    public void An_xlsx_number_that_is_not_a_whole_phone_number_is_invalid(double number) =>
        Assert.Equal(CellReason.InvalidNumber, Phones.Parse(CellValue.FromNumber(number), "CN").Problem);

    [Theory]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("N/A")]
    public void A_placeholder_is_no_phone(string typed) => Assert.True(Phones.Parse(CellValue.FromText(typed), "CN").IsBlank);

    [Fact]
    public void A_mobile_typed_in_the_landline_column_is_still_a_mobile() =>
        Assert.Equal(PhoneNumberType.MOBILE, Assert.Single(Phones.Parse(CellValue.FromText("13800138000"), "CN").Value!).Type);

    [Fact]
    public void The_existing_parser_reads_with_its_configured_default_region_unchanged()
    {
        var parser = new PhoneNumberParser(Options.Create(new PeopleOptions { DefaultRegion = "CN" }));

        Assert.Equal("+8613800138000", parser.TryParse("138 0013 8000")?.E164);
        Assert.Equal(PhoneNumberType.MOBILE, parser.TryParse("138 0013 8000")?.Type);
        Assert.Equal("+14155550132", parser.TryParse("(415) 555-0132", "US")?.E164);
    }
}
