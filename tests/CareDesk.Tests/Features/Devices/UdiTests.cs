using CareDesk.Features.Devices;

namespace CareDesk.Tests.Features.Devices;

// Examples: FDA's UDI labelling examples (GUDID data elements reference) for GS1, ANSI/HIBC 2.6's structures for HIBCC;
// the HIBCC check characters were computed by hand (sum of the characters' values modulo 43).
public sealed class UdiTests
{
    private const int Year = 2026;

    [Fact]
    public void A_GS1_human_readable_UDI_gives_its_GTIN_dates_lot_and_serial()
    {
        var udi = Read("(01)10884521062856(11)141231(17)150707(10)A213B1(21)1234");

        Assert.Equal(UdiIssuer.Gs1, udi.Issuer);
        Assert.Equal("10884521062856", udi.DeviceIdentifier);
        Assert.Equal(new DateOnly(2014, 12, 31), udi.Manufactured);
        Assert.Equal(new DateOnly(2015, 7, 7), udi.Expiry);
        Assert.Equal("A213B1", udi.Lot);
        Assert.Equal("1234", udi.Serial);
    }

    [Theory]
    [InlineData("]d20110884521062856111412311715070710A213B1\u001D211234")]
    [InlineData("0110884521062856111412311715070710A213B1<GS>211234")]
    [InlineData("\u001D0110884521062856111412311715070710A213B1{GS}211234")]
    [InlineData("  ０１１０８８４５２１０６２８５６１１１４１２３１１７１５０７０７１０Ａ２１３Ｂ１<GS>２１１２３４ ")]
    public void A_raw_GS1_scan_splits_variable_fields_at_the_group_separator(string scanned)
    {
        var udi = Read(scanned);

        Assert.Equal("10884521062856", udi.DeviceIdentifier);
        Assert.Equal("A213B1", udi.Lot);
        Assert.Equal("1234", udi.Serial);
        Assert.Equal(new DateOnly(2015, 7, 7), udi.Expiry);
    }

    [Fact]
    public void Without_a_separator_the_last_variable_field_runs_to_the_end()
    {
        var udi = Read("010064316900722217160128" + "21BLC200461H");

        Assert.Equal("00643169007222", udi.DeviceIdentifier);
        Assert.Equal(new DateOnly(2016, 1, 28), udi.Expiry);
        Assert.Equal("BLC200461H", udi.Serial);
        Assert.Null(udi.Lot);
    }

    [Fact]
    public void Day_00_is_the_last_day_of_the_month()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), Read("(01)00643169007222(17)280200").Expiry);
    }

    [Theory]
    [InlineData("80", 1980)]
    [InlineData("76", 2076)]
    [InlineData("77", 1977)]
    [InlineData("26", 2026)]
    public void Two_digit_years_fall_within_49_years_back_and_50_ahead(string yy, int year)
    {
        Assert.Equal(year, Read($"(01)00643169007222(17){yy}0101").Expiry!.Value.Year);
    }

    [Theory]
    [InlineData("(01)10884521062855(17)150707", UdiProblem.BadCheckDigit, "01")]
    [InlineData("(01)1088452106285(17)150707", UdiProblem.UnknownFormat, "01")]
    [InlineData("(01)10884521062856(17)151307", UdiProblem.BadDate, "17")]
    [InlineData("(01)10884521062856(17)150231", UdiProblem.BadDate, "17")]
    [InlineData("(01)10884521062856(10)ABCDEFGHIJKLMNOPQRSTU", UdiProblem.FieldTooLong, "10")]
    [InlineData("(17)150707(10)A213B1", UdiProblem.MissingDeviceIdentifier, "01")]
    [InlineData("01108845210628569912345", UdiProblem.UnknownApplicationIdentifier, "9912")]
    public void A_wrong_GS1_UDI_says_what_is_wrong_and_where(string text, UdiProblem problem, string at)
    {
        var reading = Udi.Read(text, Year);

        Assert.Null(reading.Udi);
        Assert.Equal(problem, reading.Problem);
        Assert.Equal(at, reading.At);
    }

    [Fact]
    public void GS1_identifiers_CareDesk_does_not_name_are_kept()
    {
        var udi = Read("(01)10884521062856(240)PUMP-3(10)L1");

        Assert.Equal("PUMP-3", udi.Other["240"]);
        Assert.Equal("L1", udi.Lot);
    }

    [Fact]
    public void A_HIBCC_primary_structure_is_the_device_identifier()
    {
        var udi = Read("+SNOWMAKER0Q");

        Assert.Equal(UdiIssuer.Hibcc, udi.Issuer);
        Assert.Equal("SNOWMAKER0", udi.DeviceIdentifier);
        Assert.Null(udi.Lot);
    }

    [Theory]
    [InlineData("+A99912345/$$710X3/")]
    [InlineData("*+A99912345/$$710X3/*")]
    [InlineData("+a99912345/$$710x3/")]
    public void A_concatenated_HIBCC_UDI_gives_device_identifier_and_lot(string text)
    {
        var udi = Read(text);

        Assert.Equal("A99912345", udi.DeviceIdentifier);
        Assert.Equal("10X3", udi.Lot);
        Assert.Null(udi.Expiry);
    }

    [Fact]
    public void HIBCC_expiry_formats_and_supplemental_serial_and_manufacture_date_are_read()
    {
        var withLot = Read("+H123ABC01234561/$$3261231LOT5/S98762");
        Assert.Equal("H123ABC01234561", withLot.DeviceIdentifier);
        Assert.Equal(new DateOnly(2026, 12, 31), withLot.Expiry);
        Assert.Equal("LOT5", withLot.Lot);
        Assert.Equal("9876", withLot.Serial);

        var withSerial = Read("+H123ABC01234561/$$+0528SN777/16D202503018");
        Assert.Equal(new DateOnly(2028, 5, 31), withSerial.Expiry);
        Assert.Equal("SN777", withSerial.Serial);
        Assert.Null(withSerial.Lot);
        Assert.Equal(new DateOnly(2025, 3, 1), withSerial.Manufactured);
    }

    [Fact]
    public void A_HIBCC_secondary_structure_alone_gives_lot_and_expiry_without_a_device_identifier()
    {
        var udi = Read("+$$0528LOT9QS");

        Assert.Null(udi.DeviceIdentifier);
        Assert.Equal("LOT9", udi.Lot);
        Assert.Equal(new DateOnly(2028, 5, 31), udi.Expiry);
    }

    [Theory]
    [InlineData("+H123ABC01234561/26032LOT7 ")]
    [InlineData("+H123ABC01234561/26032LOT7_")]
    [InlineData("+H123ABC01234561/26032LOT7 \r\n")]
    public void A_space_check_character_survives_trimming_and_the_printed_underscore(string text)
    {
        var udi = Read(text);

        // The oldest secondary form: a Julian date (day 32 of 2026) and the lot.
        Assert.Equal(new DateOnly(2026, 2, 1), udi.Expiry);
        Assert.Equal("LOT7", udi.Lot);
    }

    [Theory]
    [InlineData("+SNOWMAKER0R", UdiProblem.BadCheckCharacter)]
    [InlineData("+A99912345/$$710X4/", UdiProblem.BadCheckCharacter)]
    [InlineData("+H123ABC01234561/26032LOT7", UdiProblem.BadCheckCharacter)]
    [InlineData("+ABCD$120", UdiProblem.UnknownFormat)]
    [InlineData("", UdiProblem.Empty)]
    [InlineData("   ", UdiProblem.Empty)]
    [InlineData("三诺安稳", UdiProblem.UnknownFormat)]
    [InlineData("SN 12345678", UdiProblem.UnknownFormat)]
    public void A_wrong_HIBCC_UDI_or_something_else_is_refused(string text, UdiProblem problem)
    {
        var reading = Udi.Read(text, Year);

        Assert.Null(reading.Udi);
        Assert.Equal(problem, reading.Problem);
    }

    private static Udi Read(string text)
    {
        var reading = Udi.Read(text, Year);
        Assert.True(reading.Udi is not null, $"{text}: {reading.Problem} at {reading.At}");
        return reading.Udi;
    }
}
