using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneNumbers;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class ImportRowNormalizerTests
{
    private readonly ImportRowNormalizer normalizer = new(
        new PhoneCell(new PhoneNumberParser(Options.Create(new PeopleOptions { DefaultRegion = "CN" }))),
        new DateCell(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero))));

    private static Dictionary<string, CellValue> Row(params (string Field, string Text)[] cells) =>
        cells.ToDictionary(cell => cell.Field, cell => CellValue.FromText(cell.Text));

    [Fact]
    public void A_messy_distributor_row_becomes_clean_values()
    {
        var result = normalizer.Normalize(Row(
            (ImportField.Name, " 王 芳 "),
            (ImportField.Gender, "女"),
            (ImportField.DateOfBirth, "1962年3月5日"),
            (ImportField.Mobile, "+86-138-0013-8000"),
            (ImportField.Phone, "021-6212 3456转801"),
            (ImportField.Province, "上海市"),
            (ImportField.City, "上海"),
            (ImportField.Address, "徐汇区\n漕溪北路 88 号"),
            (ImportField.Country, "中国"),
            (ImportField.PurchaseDate, "2023/6/18"),
            (ImportField.Model, " Ａｃｃｕ－Ｃｈｅｋ  Active "),
            (ImportField.Serial, "GN12345678"),
            (ImportField.Remark, "无")), "CN");

        Assert.True(result.Accepted);
        Assert.Empty(result.Problems);
        Assert.Equal(
            new NormalizedRow(
                "王芳", Sex.Female, new DateOnly(1962, 3, 5),
                result.Row!.Mobile, result.Row.Phone,
                "上海市", "上海", "徐汇区 漕溪北路 88 号", "CN", new DateOnly(2023, 6, 18), "Accu-Chek Active", "GN12345678", null),
            result.Row);
        Assert.Equal([new ImportedPhone("+8613800138000", PhoneNumberType.MOBILE, null)], result.Row.Mobile);
        Assert.Equal([new ImportedPhone("+862162123456", PhoneNumberType.FIXED_LINE, "801")], result.Row.Phone);
    }

    [Fact]
    public void The_rows_country_is_the_region_for_its_phones()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "John Smith"), (ImportField.Mobile, "(415) 555-0132"), (ImportField.Country, "USA")), "CN");

        Assert.Equal("+14155550132", Assert.Single(result.Row!.Mobile).E164);
        Assert.Equal("US", result.Row.Country);
    }

    [Fact]
    public void Without_a_country_the_imports_default_region_reads_the_phones()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "John Smith"), (ImportField.Mobile, "(415) 555-0132")), "US");

        Assert.Equal("+14155550132", Assert.Single(result.Row!.Mobile).E164);
        Assert.Null(result.Row.Country);
    }

    [Fact]
    public void A_row_with_neither_mobile_nor_phone_has_no_phone()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "王芳"), (ImportField.Mobile, "无"), (ImportField.Phone, "-")), "CN");

        Assert.False(result.Accepted);
        Assert.Equal([new CellProblem(ImportField.Mobile, CellReason.NoPhone, "")], result.Problems);
    }

    [Fact]
    public void A_row_without_a_name_is_missing_its_name()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "N/A"), (ImportField.Mobile, "13800138000")), "CN");

        Assert.Equal([new CellProblem(ImportField.Name, CellReason.Missing, "N/A")], result.Problems);
    }

    [Fact]
    public void A_row_without_a_name_column_is_missing_its_name() =>
        Assert.Equal(
            [new CellProblem(ImportField.Name, CellReason.Missing, "")],
            normalizer.Normalize(Row((ImportField.Mobile, "13800138000")), "CN").Problems);

    [Fact]
    public void Every_problem_of_a_row_is_reported_with_what_was_typed_and_the_row_is_rejected_whole()
    {
        var result = normalizer.Normalize(Row(
            (ImportField.Name, "王"),
            (ImportField.DateOfBirth, "2023-02-30"),
            (ImportField.Mobile, "138****8000"),
            (ImportField.Phone, "1.38001E+10"),
            (ImportField.Country, "火星"),
            (ImportField.PurchaseDate, "2030-01-01")), "CN");

        Assert.Null(result.Row);
        Assert.Equal(
            [
                new CellProblem(ImportField.Name, CellReason.TooShort, "王"),
                new CellProblem(ImportField.DateOfBirth, CellReason.ImpossibleDate, "2023-02-30"),
                new CellProblem(ImportField.Country, CellReason.UnknownCountry, "火星"),
                new CellProblem(ImportField.Mobile, CellReason.Masked, "138****8000"),
                new CellProblem(ImportField.Phone, CellReason.ScientificNotation, "1.38001E+10"),
                new CellProblem(ImportField.PurchaseDate, CellReason.FutureDate, "2030-01-01"),
            ],
            result.Problems);
    }

    [Fact]
    public void A_refused_phone_is_not_no_phone_it_is_its_own_reason()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "王芳"), (ImportField.Phone, "6212 3456")), "CN");

        Assert.Equal([new CellProblem(ImportField.Phone, CellReason.MissingAreaCode, "6212 3456")], result.Problems);
    }

    [Fact]
    public void One_good_phone_is_enough()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "王芳"), (ImportField.Phone, "0755 8888 8888")), "CN");

        Assert.True(result.Accepted);
        Assert.Empty(result.Row!.Mobile);
        Assert.Equal(PhoneNumberType.FIXED_LINE, Assert.Single(result.Row.Phone).Type);
    }

    [Fact]
    public void Xlsx_number_and_date_cells_are_read()
    {
        var row = new Dictionary<string, CellValue>
        {
            [ImportField.Name] = CellValue.FromText("李建国"),
            [ImportField.Mobile] = CellValue.FromNumber(13900139000),
            [ImportField.DateOfBirth] = CellValue.FromDate(new DateTime(1958, 11, 2)),
            [ImportField.PurchaseDate] = CellValue.FromNumber(45000),
            [ImportField.Serial] = CellValue.FromNumber(20230315001),
        };

        var result = normalizer.Normalize(row, "CN");

        Assert.Equal(new DateOnly(1958, 11, 2), result.Row!.DateOfBirth);
        Assert.Equal(new DateOnly(2023, 3, 15), result.Row.PurchaseDate);
        Assert.Equal("+8613900139000", Assert.Single(result.Row.Mobile).E164);
        Assert.Equal("20230315001", result.Row.Serial);
    }

    [Fact]
    public void Free_text_over_its_limit_is_too_long()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "王芳"), (ImportField.Mobile, "13800138000"), (ImportField.Address, new string('路', 201))), "CN");

        Assert.Equal(CellReason.TooLong, Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void Fields_the_mapping_does_not_know_are_ignored()
    {
        var result = normalizer.Normalize(Row((ImportField.Name, "王芳"), (ImportField.Mobile, "13800138000"), ("序号", "17")), "CN");

        Assert.True(result.Accepted);
    }

    [Fact]
    public void Reasons_are_written_as_the_reports_codes()
    {
        var codes = Enum.GetValues<CellReason>().Select(reason => System.Text.Json.JsonSerializer.Serialize(reason).Trim('"'));

        Assert.Equal(
            [
                "missing", "too_short", "too_long", "invalid_number", "contains_letters", "masked", "scientific_notation",
                "missing_area_code", "no_phone", "impossible_date", "unparseable_date", "implausible_date", "future_date",
                "unknown_country",
            ],
            codes);
    }
}
