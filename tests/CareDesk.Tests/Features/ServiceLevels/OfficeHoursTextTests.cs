using System.Globalization;
using CareDesk.Features.ServiceLevels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Tests.Features.ServiceLevels;

public sealed class OfficeHoursTextTests
{
    private static readonly (string, string, string)[] ChinaOffice =
    [
        .. new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .SelectMany(day => new[] { (day, "09:00", "12:00"), (day, "13:00", "18:00") }),
        ("saturday", "09:00", "12:00"),
    ];

    [Theory]
    [InlineData("en", "Mon–Fri 09:00–12:00, 13:00–18:00; Sat 09:00–12:00")]
    [InlineData("zh-CN", "周一至周五 09:00–12:00、13:00–18:00；周六 09:00–12:00")]
    public void Office_hours_read_as_day_ranges_with_their_hours_not_as_day_codes(string language, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
            var text = services.GetRequiredService<IStringLocalizer<ServiceLevelsText>>();

            Assert.Equal(expected, OfficeHoursText.Describe(ChinaOffice, text, CultureInfo.GetCultureInfo(language)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Two_days_apart_are_listed_not_ranged()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
            var text = services.GetRequiredService<IStringLocalizer<ServiceLevelsText>>();

            Assert.Equal("Mon, Tue, Thu 08:00–20:00", OfficeHoursText.Describe(
                [("monday", "08:00", "20:00"), ("tuesday", "08:00", "20:00"), ("thursday", "08:00", "20:00")], text, CultureInfo.GetCultureInfo("en")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
