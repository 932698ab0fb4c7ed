using CareDesk.Platform.Localization;

namespace CareDesk.Tests.Platform;

public sealed class TimeZoneNamesTests
{
    [Theory]
    [InlineData("Asia/Shanghai", "UTC+08:00")]
    [InlineData("Europe/Berlin", "UTC+01:00")]
    [InlineData("America/New_York", "UTC-05:00")]
    [InlineData("Asia/Kolkata", "UTC+05:30")]
    [InlineData("Etc/UTC", "UTC+00:00")]
    public void A_zone_reads_as_its_standard_offset_not_as_its_IANA_id(string id, string expected)
    {
        Assert.Equal(expected, TimeZoneNames.Of(id));
    }

    [Fact]
    public void An_unknown_zone_shows_what_was_stored()
    {
        Assert.Equal("Mars/Olympus_Mons", TimeZoneNames.Of("Mars/Olympus_Mons"));
    }
}
