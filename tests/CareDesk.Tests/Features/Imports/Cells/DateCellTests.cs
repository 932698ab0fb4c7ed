using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Reading;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.Tests.Features.Imports.Cells;

public sealed class DateCellTests
{
    private readonly DateCell dates = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string, string> ReadableDates => new()
    {
        { "1962-03-05", "1962-03-05" },
        { "1962-3-5", "1962-03-05" },
        { "1962/03/05", "1962-03-05" },
        { "1962/3/5", "1962-03-05" },
        { "1962.3.5", "1962-03-05" },
        { "1962.03.05", "1962-03-05" },
        { "1962 - 03 - 05", "1962-03-05" },
        { "1962-03-05 00:00:00", "1962-03-05" },
        { "1962/3/5 0:00", "1962-03-05" },
        { "１９６２－０３－０５", "1962-03-05" },
        { "1962年3月5日", "1962-03-05" },
        { "1962年03月05日", "1962-03-05" },
        { "1962 年 3 月 5 日", "1962-03-05" },
        { "1962年3月5号", "1962-03-05" },
        { "1962年3月5", "1962-03-05" },
        { "１９６２年３月５日", "1962-03-05" },
        { "05.03.1962", "1962-03-05" },
        { "5.3.1962", "1962-03-05" },
        { "25/03/1962", "1962-03-25" },
        { "03/25/1962", "1962-03-25" },
        { "25-03-1962", "1962-03-25" },
        { "05/05/1962", "1962-05-05" },
        { "19620305", "1962-03-05" },
        { "05-Mar-1962", "1962-03-05" },
        { "5-Mar-1962", "1962-03-05" },
        { "05 Mar 1962", "1962-03-05" },
        { "5 March 1962", "1962-03-05" },
        { "05-MAR-1962", "1962-03-05" },
        { "Mar 5, 1962", "1962-03-05" },
        { "March 5, 1962", "1962-03-05" },
        { "Mar. 5, 1962", "1962-03-05" },
        { "Sept 5 1962", "1962-09-05" },
        { "march 5th, 1962", "1962-03-05" },
        { "22710", "1962-03-05" },
        { "22710.0", "1962-03-05" },
        { "25569", "1970-01-01" },
        { "2000-02-29", "2000-02-29" },
        { "2026-12-07", "2026-12-07" },
    };

    [Theory]
    [MemberData(nameof(ReadableDates))]
    public void Birth_dates_typed_every_way_are_read(string typed, string iso) =>
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), dates.Parse(CellValue.FromText(typed), DateKind.Birth).Value);

    public static TheoryData<string, CellReason> RefusedBirthDates => new()
    {
        { "2023-02-30", CellReason.ImpossibleDate },
        { "20230230", CellReason.ImpossibleDate },
        { "1962-13-01", CellReason.ImpossibleDate },
        { "1962-00-10", CellReason.ImpossibleDate },
        { "1962年2月30日", CellReason.ImpossibleDate },
        { "1900-02-29", CellReason.ImpossibleDate },
        { "31.04.1962", CellReason.ImpossibleDate },
        { "30-Feb-1962", CellReason.ImpossibleDate },
        { "25/13/1962", CellReason.ImpossibleDate },
        { "60", CellReason.ImpossibleDate },
        { "0", CellReason.ImpossibleDate },
        { "03/05/1962", CellReason.UnparseableDate },
        { "3/5/1962", CellReason.UnparseableDate },
        { "62-03-05", CellReason.UnparseableDate },
        { "05.03.62", CellReason.UnparseableDate },
        { "1962", CellReason.UnparseableDate },
        { "1962年3月", CellReason.UnparseableDate },
        { "三月五日", CellReason.UnparseableDate },
        { "1962-03", CellReason.UnparseableDate },
        { "05-Mrz-1962", CellReason.UnparseableDate },
        { "abc", CellReason.UnparseableDate },
        { "620305", CellReason.UnparseableDate },
        { "1962-03-05 是生日", CellReason.UnparseableDate },
        { "1899-12-31", CellReason.ImplausibleDate },
        { "1850-01-01", CellReason.ImplausibleDate },
        { "2026-12-08", CellReason.ImplausibleDate },
        { "2062-03-05", CellReason.ImplausibleDate },
    };

    [Theory]
    [MemberData(nameof(RefusedBirthDates))]
    public void Bad_birth_dates_are_refused_with_their_reason(string typed, CellReason reason) =>
        Assert.Equal(reason, dates.Parse(CellValue.FromText(typed), DateKind.Birth).Problem);

    [Theory]
    [InlineData(1, "1900-01-01")]
    [InlineData(59, "1900-02-28")]
    [InlineData(61, "1900-03-01")]
    [InlineData(22710, "1962-03-05")]
    [InlineData(25569, "1970-01-01")]
    [InlineData(45000, "2023-03-15")]
    [InlineData(22710.75, "1962-03-05")]
    [InlineData(19620305, "1962-03-05")]
    public void Excel_serials_follow_Excels_calendar_with_its_1900_leap_year(double serial, string iso) =>
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), dates.Parse(CellValue.FromNumber(serial), DateKind.Birth).Value);

    [Theory]
    [InlineData(60, CellReason.ImpossibleDate)]
    [InlineData(0, CellReason.ImpossibleDate)]
    [InlineData(-5, CellReason.UnparseableDate)]
    [InlineData(1962, CellReason.UnparseableDate)]
    [InlineData(3000000, CellReason.UnparseableDate)]
    [InlineData(50000, CellReason.ImplausibleDate)]
    public void Excel_serials_outside_the_calendar_are_refused(double serial, CellReason reason) =>
        Assert.Equal(reason, dates.Parse(CellValue.FromNumber(serial), DateKind.Birth).Problem);

    [Fact]
    public void An_xlsx_date_cell_is_its_date() =>
        Assert.Equal(new DateOnly(1962, 3, 5), dates.Parse(CellValue.FromDate(new DateTime(1962, 3, 5)), DateKind.Birth).Value);

    [Fact]
    public void An_xlsx_date_cell_in_the_future_is_still_checked() =>
        Assert.Equal(CellReason.ImplausibleDate, dates.Parse(CellValue.FromDate(new DateTime(2030, 1, 1)), DateKind.Birth).Problem);

    [Theory]
    [InlineData("2023-06-18", null)]
    [InlineData("2026-12-07", null)]
    [InlineData("1990-01-01", null)]
    [InlineData("2026-12-08", CellReason.FutureDate)]
    [InlineData("2027年1月1日", CellReason.FutureDate)]
    [InlineData("1989-12-31", CellReason.ImplausibleDate)]
    [InlineData("1962-03-05", CellReason.ImplausibleDate)]
    [InlineData("2023-02-30", CellReason.ImpossibleDate)]
    [InlineData("上个月", CellReason.UnparseableDate)]
    public void Purchase_dates_in_the_future_or_before_1990_are_refused(string typed, CellReason? reason) =>
        Assert.Equal(reason, dates.Parse(CellValue.FromText(typed), DateKind.Purchase).Problem);

    [Fact]
    public void Today_comes_from_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var dated = new DateCell(clock);
        Assert.Equal(CellReason.FutureDate, dated.Parse(CellValue.FromText("2027-01-01"), DateKind.Purchase).Problem);

        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(new DateOnly(2027, 1, 1), dated.Parse(CellValue.FromText("2027-01-01"), DateKind.Purchase).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("-")]
    [InlineData("/")]
    public void A_placeholder_is_no_date(string typed) => Assert.True(dates.Parse(CellValue.FromText(typed), DateKind.Birth).IsBlank);
}
