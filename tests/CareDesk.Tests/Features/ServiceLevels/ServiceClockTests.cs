using System.Globalization;
using CareDesk.Features.ServiceLevels;
using static CareDesk.Tests.Features.ServiceLevels.Calendars;

namespace CareDesk.Tests.Features.ServiceLevels;

public sealed class ServiceClockTests
{
    [Theory]
    // Closed time is skipped.
    [InlineData("opened after hours on Friday: due on Monday", "berlin-office", "2026-03-06T20:00+01:00", "01:00", "2026-03-09T09:00+01:00")]
    [InlineData("the lunch break does not count", "berlin-office", "2026-03-02T11:30+01:00", "01:00", "2026-03-02T13:30+01:00")]
    // Daylight saving: office hours stay local, the UTC offset moves under them.
    [InlineData("Berlin office hours across the spring-forward weekend", "berlin-office", "2026-03-27T17:00+01:00", "02:00", "2026-03-30T09:00+02:00")]
    [InlineData("Berlin office hours across the fall-back weekend", "berlin-office", "2026-10-23T17:00+02:00", "02:00", "2026-10-26T09:00+01:00")]
    [InlineData("New York office hours across the spring-forward weekend", "new-york-office", "2026-03-06T16:00-05:00", "02:00", "2026-03-09T10:00-04:00")]
    [InlineData("New York office hours across the fall-back weekend", "new-york-office", "2026-10-30T16:00-04:00", "02:00", "2026-11-02T10:00-05:00")]
    // A clock running through the night the clocks change counts real hours: 24 h later shows 25 h or 23 h on the wall.
    [InlineData("Berlin, 24 h across the spring-forward night", "berlin-24h", "2026-03-28T12:00+01:00", "1.00:00:00", "2026-03-29T13:00+02:00")]
    [InlineData("Berlin, 24 h across the fall-back night", "berlin-24h", "2026-10-24T12:00+02:00", "1.00:00:00", "2026-10-25T11:00+01:00")]
    [InlineData("New York, 24 h across the spring-forward night", "new-york-24h", "2026-03-07T12:00-05:00", "1.00:00:00", "2026-03-08T13:00-04:00")]
    [InlineData("New York, 24 h across the fall-back night", "new-york-24h", "2026-10-31T12:00-04:00", "1.00:00:00", "2026-11-01T11:00-05:00")]
    [InlineData("the night shift of the spring-forward night is 7 h long", "berlin-night", "2026-03-28T12:00+01:00", "07:00", "2026-03-29T06:00+02:00")]
    [InlineData("the night shift of the fall-back night is 9 h long", "berlin-night", "2026-10-24T12:00+02:00", "09:00", "2026-10-25T06:00+01:00")]
    // Holidays, from the library (Germany, USA) and as custom days (China).
    [InlineData("Easter: Good Friday to Easter Monday spans a weekend", "berlin-office", "2026-04-02T17:00+02:00", "03:00", "2026-04-07T10:00+02:00")]
    [InlineData("opened on Easter Monday: the clock starts at the next opening", "berlin-office", "2026-04-06T10:00+02:00", "00:30", "2026-04-07T08:30+02:00")]
    [InlineData("Independence Day on a Saturday is off on the Friday", "new-york-office", "2026-07-02T16:30-04:00", "01:00", "2026-07-06T09:30-04:00")]
    [InlineData("opened during Spring Festival: the clock starts when it ends", "shanghai-office", "2026-02-18T10:00+08:00", "01:00", "2026-02-24T10:00+08:00")]
    [InlineData("the extra working Saturday before Spring Festival counts", "shanghai-office", "2026-02-13T17:00+08:00", "04:00", "2026-02-14T12:00+08:00")]
    [InlineData("from the extra working Saturday over the whole festival", "shanghai-office", "2026-02-14T17:00+08:00", "02:00", "2026-02-24T10:00+08:00")]
    // 24/7.
    [InlineData("24/7 counts every hour, whatever the wall clock does", "24x7", "2026-03-29T00:30+01:00", "04:00", "2026-03-29T03:30Z")]
    // Long targets: 30 business days.
    [InlineData("30 business days of 9 h over Easter", "berlin-office", "2026-03-02T08:00+01:00", "11.06:00:00", "2026-04-14T18:00+02:00")]
    [InlineData("30 business days of 8 h over Spring Festival and its two working Saturdays", "shanghai-office", "2026-02-02T09:00+08:00", "10.00:00:00", "2026-03-19T18:00+08:00")]
    public void The_due_time_is_when_the_target_of_business_time_has_elapsed(string story, string calendar, string start, string target, string due)
    {
        var at = ServiceClock.DueAt(At(start), Span(target), Named(calendar));

        Assert.True(at == At(due), $"{story}: expected {At(due):O}, got {at:O}");
        Assert.Equal(TimeSpan.Zero, at!.Value.Offset);
    }

    [Theory]
    [InlineData("berlin-office", "2026-03-27T17:00+01:00", "02:00")]
    [InlineData("berlin-24h", "2026-10-24T12:00+02:00", "1.00:00:00")]
    [InlineData("berlin-night", "2026-03-28T23:15+01:00", "05:17")]
    [InlineData("new-york-office", "2025-12-31T16:59-05:00", "100.00:00:00")]
    [InlineData("shanghai-office", "2026-02-13T11:00+08:00", "3.07:45:00")]
    [InlineData("24x7", "2026-02-13T11:00+08:00", "400.00:00:00")]
    public void Elapsed_business_time_up_to_the_due_time_is_the_target(string calendar, string start, string target)
    {
        var due = ServiceClock.DueAt(At(start), Span(target), Named(calendar))!.Value;

        Assert.Equal(Span(target), ServiceClock.Elapsed(At(start), due, Named(calendar)));
        Assert.Equal(Span(target) - TimeSpan.FromMinutes(1), ServiceClock.Elapsed(At(start), due.AddMinutes(-1), Named(calendar)));
    }

    [Theory]
    [InlineData("a whole spring-forward day has 23 h", "berlin-24h", "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", "23:00")]
    [InlineData("a whole fall-back day has 25 h", "berlin-24h", "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", "1.01:00:00")]
    [InlineData("Easter weekend is closed from Thursday to Tuesday", "berlin-office", "2026-04-02T18:00+02:00", "2026-04-07T08:00+02:00", "00:00")]
    [InlineData("a working week in Berlin has 45 h", "berlin-office", "2026-03-02T00:00+01:00", "2026-03-09T00:00+01:00", "1.21:00:00")]
    [InlineData("the week with the extra working Saturday has 48 h", "shanghai-office", "2026-02-09T00:00+08:00", "2026-02-16T00:00+08:00", "2.00:00:00")]
    [InlineData("a case still open during Spring Festival gathers nothing", "shanghai-office", "2026-02-15T09:00+08:00", "2026-02-23T23:00+08:00", "00:00")]
    [InlineData("a clock not started yet has no elapsed time", "24x7", "2026-02-15T09:00+08:00", "2026-02-15T08:00+08:00", "00:00")]
    public void Elapsed_counts_only_open_time(string story, string calendar, string start, string now, string elapsed)
    {
        Assert.True(Span(elapsed) == ServiceClock.Elapsed(At(start), At(now), Named(calendar)), story);
    }

    [Fact]
    public void An_opening_in_the_hour_skipped_in_spring_is_when_the_clocks_jump()
    {
        var sundayNights = Build(new BusinessCalendarSettings
        {
            Id = "sunday-02",
            TimeZone = "Europe/Berlin",
            OfficeHours = [Hours(DayOfWeek.Sunday, "02:00", "06:00")],
            ExtraWorkingDaysFollow = DayOfWeek.Sunday,
        });

        Assert.Equal(At("2026-03-29T04:00+02:00"), ServiceClock.DueAt(At("2026-03-28T12:00+01:00"), TimeSpan.FromHours(1), sundayNights));
        Assert.Equal(TimeSpan.FromHours(3), ServiceClock.Elapsed(At("2026-03-28T12:00+01:00"), At("2026-03-30T12:00+02:00"), sundayNights));
        // 02:00 happens twice in autumn: the interval opens at the first, so it lasts 5 h.
        Assert.Equal(TimeSpan.FromHours(5), ServiceClock.Elapsed(At("2026-10-24T12:00+02:00"), At("2026-10-26T12:00+01:00"), sundayNights));
    }

    [Fact]
    public void A_pause_over_the_weekend_holds_only_the_open_hours_it_covers()
    {
        var start = At("2026-03-06T16:00+01:00");
        var target = TimeSpan.FromHours(3);
        ClockPause[] waitingOnCustomer = [new(At("2026-03-06T17:00+01:00"), At("2026-03-09T10:00+01:00"))];

        // Without the pause: Friday 16–18 and Monday 08–09.
        Assert.Equal(At("2026-03-09T09:00+01:00"), ServiceClock.DueAt(start, target, BerlinOffice));
        // With it: Friday 16–17, then Monday 10–12; the weekend it covered was closed anyway.
        Assert.Equal(At("2026-03-09T12:00+01:00"), ServiceClock.DueAt(start, target, BerlinOffice, waitingOnCustomer));
        Assert.Equal(TimeSpan.FromHours(1), ServiceClock.Elapsed(start, At("2026-03-09T10:00+01:00"), BerlinOffice, waitingOnCustomer));
    }

    [Fact]
    public void A_pause_inside_closed_time_changes_nothing()
    {
        var start = At("2026-03-06T16:00+01:00");
        ClockPause[] saturday = [new(At("2026-03-07T10:00+01:00"), At("2026-03-08T20:00+01:00"))];

        Assert.Equal(At("2026-03-09T09:00+01:00"), ServiceClock.DueAt(start, TimeSpan.FromHours(3), BerlinOffice, saturday));
    }

    [Fact]
    public void Overlapping_and_unordered_pauses_count_once()
    {
        var start = At("2026-03-06T16:00+01:00");
        ClockPause[] pauses =
        [
            new(At("2026-03-09T08:30+01:00"), At("2026-03-09T10:00+01:00")),
            new(At("2026-03-06T17:00+01:00"), At("2026-03-09T09:00+01:00")),
            new(At("2026-03-06T17:30+01:00"), At("2026-03-06T17:45+01:00")),
        ];

        Assert.Equal(At("2026-03-09T12:00+01:00"), ServiceClock.DueAt(start, TimeSpan.FromHours(3), BerlinOffice, pauses));
    }

    [Fact]
    public void A_pause_started_before_the_clock_delays_its_start()
    {
        ClockPause[] pauses = [new(At("2026-03-02T07:00+01:00"), At("2026-03-02T09:00+01:00"))];

        Assert.Equal(At("2026-03-02T10:00+01:00"), ServiceClock.DueAt(At("2026-03-02T08:00+01:00"), TimeSpan.FromHours(1), BerlinOffice, pauses));
    }

    [Fact]
    public void While_a_pause_has_no_end_there_is_no_due_time_and_the_clock_stands_still()
    {
        var start = At("2026-03-06T16:00+01:00");
        ClockPause[] waiting = [new(At("2026-03-06T17:00+01:00"), null)];

        Assert.Null(ServiceClock.DueAt(start, TimeSpan.FromHours(3), BerlinOffice, waiting));
        Assert.Null(ServiceClock.DueAt(start, TimeSpan.FromHours(3), BusinessCalendar.AlwaysOpen, waiting));
        Assert.Equal(TimeSpan.FromHours(1), ServiceClock.Elapsed(start, At("2026-03-20T12:00+01:00"), BerlinOffice, waiting));
        // A target reached before the pause still has its due time.
        Assert.Equal(At("2026-03-06T16:30+01:00"), ServiceClock.DueAt(start, TimeSpan.FromMinutes(30), BerlinOffice, waiting));
    }

    [Fact]
    public void Around_the_clock_pauses_move_the_due_time_by_their_length()
    {
        ClockPause[] pauses = [new(At("2026-03-29T01:00Z"), At("2026-03-29T02:00Z"))];

        Assert.Equal(At("2026-03-29T05:00Z"), ServiceClock.DueAt(At("2026-03-29T00:00Z"), TimeSpan.FromHours(4), BusinessCalendar.AlwaysOpen, pauses));
        Assert.Equal(TimeSpan.FromHours(3), ServiceClock.Elapsed(At("2026-03-29T00:00Z"), At("2026-03-29T04:00Z"), BusinessCalendar.AlwaysOpen, pauses));
    }

    [Fact]
    public void The_warning_comes_when_the_configured_share_of_the_target_has_elapsed()
    {
        var start = At("2026-03-02T08:00+01:00");
        var target = TimeSpan.FromHours(10);

        // 80 % of 10 h is 8 h: 08–12 and 13–17 on Monday.
        Assert.Equal(At("2026-03-02T17:00+01:00"), ServiceClock.WarnAt(start, target, 0.8, BerlinOffice));
        Assert.Equal(At("2026-03-02T12:00+01:00"), ServiceClock.WarnAt(start, target, 0.4, BerlinOffice));
        Assert.Equal(At("2026-03-03T09:00+01:00"), ServiceClock.DueAt(start, target, BerlinOffice));
    }

    [Theory]
    [InlineData("2026-03-02T10:00+01:00", ServiceClockState.OnTrack, "02:00", "08:00")]
    [InlineData("2026-03-02T17:30+01:00", ServiceClockState.Warning, "08:30", "01:30")]
    [InlineData("2026-03-03T09:00+01:00", ServiceClockState.Breached, "10:00", "00:00")]
    [InlineData("2026-03-05T12:00+01:00", ServiceClockState.Breached, "1.07:00:00", "00:00")]
    public void A_reading_tells_the_state_of_the_clock(string now, ServiceClockState state, string elapsed, string remaining)
    {
        var reading = ServiceClock.Read(At("2026-03-02T08:00+01:00"), TimeSpan.FromHours(10), 0.8, At(now), BerlinOffice);

        Assert.Equal((state, Span(elapsed), Span(remaining)), (reading.State, reading.Elapsed, reading.Remaining));
        Assert.Equal((At("2026-03-03T09:00+01:00"), At("2026-03-02T17:00+01:00")), (reading.DueAt!.Value, reading.WarnAt!.Value));
        Assert.False(reading.Paused);
    }

    [Fact]
    public void A_reading_during_an_open_pause_says_paused_and_has_no_due_time()
    {
        ClockPause[] waiting = [new(At("2026-03-02T09:00+01:00"), null)];

        var reading = ServiceClock.Read(At("2026-03-02T08:00+01:00"), TimeSpan.FromHours(10), 0.8, At("2026-03-04T12:00+01:00"), BerlinOffice, waiting);

        Assert.Equal((true, TimeSpan.FromHours(1), ServiceClockState.OnTrack), (reading.Paused, reading.Elapsed, reading.State));
        Assert.Null(reading.DueAt);
    }

    [Fact]
    public void A_zero_target_is_due_at_once_and_a_negative_one_is_refused()
    {
        Assert.Equal(At("2026-03-07T10:00Z"), ServiceClock.DueAt(At("2026-03-07T11:00+01:00"), TimeSpan.Zero, BerlinOffice));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceClock.DueAt(At("2026-03-07T10:00Z"), TimeSpan.FromHours(-1), BerlinOffice));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceClock.WarnAt(At("2026-03-07T10:00Z"), TimeSpan.FromHours(1), 1.5, BerlinOffice));
    }

    [Fact]
    public void Years_of_business_time_are_computed_by_open_intervals()
    {
        // 1,000 business days of 9 h: about four years of office days, holidays included, in one walk.
        var start = At("2026-01-05T08:00+01:00");
        var target = TimeSpan.FromHours(9 * 1000);

        var due = ServiceClock.DueAt(start, target, BerlinOffice)!.Value;

        Assert.InRange(due, At("2029-10-01T00:00Z"), At("2030-03-01T00:00Z"));
        Assert.Equal(target, ServiceClock.Elapsed(start, due, BerlinOffice));
        Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, BerlinOffice.TimeZone).DateTime));
    }

    private static TimeSpan Span(string text) => TimeSpan.Parse(text, CultureInfo.InvariantCulture);
}
