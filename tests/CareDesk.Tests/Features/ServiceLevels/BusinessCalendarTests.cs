using CareDesk.Features.ServiceLevels;
using static CareDesk.Tests.Features.ServiceLevels.Calendars;

namespace CareDesk.Tests.Features.ServiceLevels;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-03-02T07:59+01:00", false)]
    [InlineData("2026-03-02T08:00+01:00", true)]
    [InlineData("2026-03-02T12:00+01:00", false)]
    [InlineData("2026-03-02T13:00+01:00", true)]
    [InlineData("2026-03-02T17:59+01:00", true)]
    [InlineData("2026-03-02T18:00+01:00", false)]
    [InlineData("2026-03-07T10:00+01:00", false)]
    [InlineData("2026-04-03T10:00+02:00", false)]
    [InlineData("2026-03-02T09:00Z", true)]
    public void Open_means_inside_an_office_hours_interval_of_an_open_day(string instant, bool open)
    {
        Assert.Equal(open, BerlinOffice.IsOpenAt(At(instant)));
    }

    [Fact]
    public void Germany_closes_on_its_public_holidays_from_the_library()
    {
        DateOnly[] closed = [new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 10, 3), new(2026, 12, 25), new(2026, 12, 26)];

        Assert.All(closed, day => Assert.True(BerlinOffice.IsClosedDay(day), day.ToString("O", null)));
        Assert.False(BerlinOffice.IsClosedDay(new DateOnly(2026, 4, 2)));
        Assert.Equal("DE", BerlinOffice.HolidayCountry);
    }

    [Fact]
    public void A_US_holiday_observed_in_the_year_before_closes_that_day()
    {
        // New Year's Day 2022 was a Saturday: the federal holiday was Friday 31 December 2021.
        Assert.True(NewYorkOffice.IsClosedDay(new DateOnly(2021, 12, 31)));
        Assert.True(NewYorkOffice.IsClosedDay(new DateOnly(2026, 7, 3)));
        Assert.Empty(NewYorkOffice.HoursOn(new DateOnly(2026, 7, 3)));
    }

    [Fact]
    public void An_extra_working_day_beats_a_holiday_and_a_weekend()
    {
        var newYork = Build(new BusinessCalendarSettings
        {
            Id = "us-open-on-columbus-day",
            TimeZone = "America/New_York",
            OfficeHours = [Hours(DayOfWeek.Monday, "09:00", "17:00"), Hours(DayOfWeek.Tuesday, "10:00", "16:00")],
            HolidayCountry = "US",
            ExtraWorkingDays = [new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 17)],
            ExtraWorkingDaysFollow = DayOfWeek.Tuesday,
        });

        Assert.True(NewYorkOffice.IsClosedDay(new DateOnly(2026, 10, 12)));
        // Columbus Day 2026 is a Monday: worked with Monday's hours; Saturday 17th with the followed Tuesday's.
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0)), Assert.Single(newYork.HoursOn(new DateOnly(2026, 10, 12))));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(16, 0)), Assert.Single(newYork.HoursOn(new DateOnly(2026, 10, 17))));
        Assert.Empty(newYork.HoursOn(new DateOnly(2026, 10, 18)));
    }

    [Fact]
    public void China_has_no_holiday_source_so_its_holidays_are_custom_days()
    {
        var refused = BusinessCalendar.Create(new BusinessCalendarSettings
        {
            Id = "cn",
            TimeZone = "Asia/Shanghai",
            OfficeHours = [Hours(DayOfWeek.Monday, "09:00", "18:00")],
            HolidayCountry = "CN",
        });

        Assert.Equal(("holidayCountry", "Calendar.HolidayCountryUnsupported"), (refused.Failure!.Field, refused.Failure.MessageKey));
        Assert.True(ShanghaiOffice.IsClosedDay(new DateOnly(2026, 2, 17)));
        Assert.False(ShanghaiOffice.IsClosedDay(new DateOnly(2026, 2, 14)));
        Assert.Equal(2, ShanghaiOffice.HoursOn(new DateOnly(2026, 2, 28)).Length);
    }

    [Fact]
    public void Open_intervals_come_in_order_in_utc_and_the_first_is_cut_at_the_start()
    {
        var intervals = ShanghaiOffice.OpenIntervals(At("2026-02-13T10:30+08:00")).Take(4).ToList();

        Assert.Equal(
            [
                new TimeInterval(At("2026-02-13T02:30Z"), At("2026-02-13T04:00Z")),
                new TimeInterval(At("2026-02-13T05:00Z"), At("2026-02-13T10:00Z")),
                new TimeInterval(At("2026-02-14T01:00Z"), At("2026-02-14T04:00Z")),
                new TimeInterval(At("2026-02-14T05:00Z"), At("2026-02-14T10:00Z")),
            ],
            intervals);
        Assert.All(intervals, i => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (i.Start.Offset, i.End.Offset)));
    }

    [Fact]
    public void Around_the_clock_is_one_endless_interval()
    {
        var calendar = Build(new BusinessCalendarSettings { Id = "hotline", AlwaysOpen = true, TimeZone = "Asia/Shanghai" });

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal(new TimeInterval(At("2026-10-01T00:00Z"), DateTimeOffset.MaxValue), calendar.OpenIntervals(At("2026-10-01T08:00+08:00")).Single());
        Assert.False(calendar.IsClosedDay(new DateOnly(2026, 10, 1)));
    }

    public static TheoryData<string, BusinessCalendarSettings, string, string> InvalidSettings()
    {
        var office = new BusinessCalendarSettings { Id = "x", TimeZone = "Europe/Berlin", OfficeHours = [Hours(DayOfWeek.Monday, "08:00", "12:00")] };
        return new()
        {
            { "no name", office with { Id = " " }, "id", "Calendar.IdRequired" },
            { "a Windows zone name", office with { TimeZone = "W. Europe Standard Time x" }, "timeZone", "Calendar.TimeZoneUnknown" },
            { "no hours", office with { OfficeHours = [] }, "officeHours", "Calendar.HoursRequired" },
            { "closes before it opens", office with { OfficeHours = [Hours(DayOfWeek.Monday, "08:00", "12:00"), Hours(DayOfWeek.Tuesday, "18:00", "09:00")] }, "officeHours[1].closes", "Calendar.HoursOrder" },
            { "overlapping intervals", office with { OfficeHours = [Hours(DayOfWeek.Monday, "13:00", "18:00"), Hours(DayOfWeek.Monday, "08:00", "13:30")] }, "officeHours[0].opens", "Calendar.HoursOverlap" },
            { "an unknown weekday", office with { OfficeHours = [new OfficeHours((DayOfWeek)9, new TimeOnly(8, 0), new TimeOnly(9, 0))] }, "officeHours[0].day", "Calendar.DayInvalid" },
            { "extra days follow a closed weekday", office with { ExtraWorkingDaysFollow = DayOfWeek.Sunday }, "extraWorkingDaysFollow", "Calendar.FollowedDayHasNoHours" },
            { "a day both closed and worked", office with { ClosedDays = [new DateOnly(2026, 2, 14)], ExtraWorkingDays = [new DateOnly(2026, 2, 14)] }, "extraWorkingDays", "Calendar.DayClosedAndWorking" },
            { "an unknown country", office with { HolidayCountry = "XX" }, "holidayCountry", "Calendar.HolidayCountryUnsupported" },
            { "24/7 with office hours", office with { AlwaysOpen = true }, "officeHours", "Calendar.AlwaysOpenHasNoHours" },
            { "24/7 with holidays", new BusinessCalendarSettings { Id = "x", AlwaysOpen = true, HolidayCountry = "DE" }, "holidayCountry", "Calendar.AlwaysOpenHasNoHours" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Wrong_settings_fail_naming_the_field(string story, BusinessCalendarSettings settings, string field, string messageKey)
    {
        var result = BusinessCalendar.Create(settings);

        Assert.False(result.Succeeded, story);
        Assert.Equal((field, messageKey), (result.Failure!.Field, result.Failure.MessageKey));
    }

    [Fact]
    public void Several_threads_can_share_a_calendar()
    {
        var calendar = Build(new BusinessCalendarSettings
        {
            Id = "shared",
            TimeZone = "Europe/Paris",
            OfficeHours = Daily([DayOfWeek.Monday, DayOfWeek.Friday], ("09:00", "17:00")),
            HolidayCountry = "FR",
        });

        var closedDays = Enumerable.Range(2000, 64).AsParallel()
            .Select(year => Enumerable.Range(0, 365).Count(d => calendar.IsClosedDay(new DateOnly(year, 1, 1).AddDays(d))))
            .ToList();

        Assert.All(closedDays, count => Assert.InRange(count, 9, 14));
    }
}
