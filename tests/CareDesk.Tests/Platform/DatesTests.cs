using System.Globalization;
using CareDesk.Platform.Localization;

namespace CareDesk.Tests.Platform;

public sealed class DatesTests
{
    [Theory]
    [InlineData("zh-CN", "2024年12月6日", "2024年12月6日 14:05")]
    [InlineData("en", "6 Dec 2024", "6 Dec 2024 14:05")]
    public void A_date_and_a_time_are_written_one_way_per_language(string language, string date, string dateTime)
    {
        var culture = CultureInfo.GetCultureInfo(language);

        Assert.Equal(date, Dates.Format(new DateOnly(2024, 12, 6), culture));
        Assert.Equal(dateTime, Dates.Format(new DateTime(2024, 12, 6, 14, 5, 0, DateTimeKind.Unspecified), culture));
    }
}
