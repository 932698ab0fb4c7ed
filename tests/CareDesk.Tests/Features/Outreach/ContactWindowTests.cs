using CareDesk.Features.Outreach;

namespace CareDesk.Tests.Features.Outreach;

/// <summary>Quiet hours, preferred hours and a campaign's best time in the person's own time zone, across midnight and DST.</summary>
public sealed class ContactWindowTests
{
    private static readonly ContactWindow Daytime = new(new TimeOnly(9, 0), new TimeOnly(21, 0));

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    // Shanghai (UTC+8, no DST): 11:00 local is open; 22:30 local waits for 09:00 the next morning (01:00Z).
    [InlineData("Asia/Shanghai", "2026-12-08T03:00:00Z", null)]
    [InlineData("Asia/Shanghai", "2026-12-08T14:30:00Z", "2026-12-09T01:00:00Z")]
    // 03:00 local: the same morning's 09:00.
    [InlineData("Asia/Shanghai", "2026-12-07T19:00:00Z", "2026-12-08T01:00:00Z")]
    // New York in winter (UTC−5): 22:00 local is quiet until 09:00 EST = 14:00Z.
    [InlineData("America/New_York", "2026-12-08T03:00:00Z", "2026-12-08T14:00:00Z")]
    // The night clocks spring forward (14 March 2027, 02:00 → 03:00): 01:30 EST waits for 09:00 EDT = 13:00Z, not 14:00Z.
    [InlineData("America/New_York", "2027-03-14T06:30:00Z", "2027-03-14T13:00:00Z")]
    // The night clocks fall back (7 November 2027): 01:30 EDT (the first one) waits for 09:00 EST = 14:00Z.
    [InlineData("America/New_York", "2027-11-07T05:30:00Z", "2027-11-07T14:00:00Z")]
    // London on the last Sunday of March (01:00 → 02:00 BST): 00:30 GMT waits for 09:00 BST = 08:00Z.
    [InlineData("Europe/London", "2027-03-28T00:30:00Z", "2027-03-28T08:00:00Z")]
    public void Quiet_hours_end_at_nine_in_the_persons_own_time_zone(string zone, string now, string? opens)
    {
        var next = Daytime.NextOpening(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Zone(zone));

        Assert.Equal(opens is null ? null : DateTimeOffset.Parse(opens, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void An_opening_time_inside_the_spring_forward_gap_is_the_first_moment_after_it()
    {
        // 02:30 does not exist in New York on 14 March 2027; a window opening then opens at 03:00 EDT (07:00Z).
        var window = new ContactWindow(new TimeOnly(2, 30), new TimeOnly(5, 0));

        var next = window.NextOpening(DateTimeOffset.Parse("2027-03-14T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Zone("America/New_York"));

        Assert.Equal(DateTimeOffset.Parse("2027-03-14T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("9-11", "09:00", "11:00")]
    [InlineData("weekdays 9–11", "09:00", "11:00")]
    [InlineData("09:30 - 11:45", "09:30", "11:45")]
    [InlineData("上午9点到11点", "09:00", "11:00")]
    [InlineData("下午2点至4点", "14:00", "16:00")]
    [InlineData("上午9点到下午5点", "09:00", "17:00")]
    [InlineData("2-4pm", "14:00", "16:00")]
    [InlineData("9am-5pm", "09:00", "17:00")]
    [InlineData("晚上7点～8点半", "19:00", "20:00")]
    public void Preferred_hours_are_read_as_people_type_them(string text, string from, string to)
    {
        var window = ContactWindow.Parse(text);

        Assert.Equal(new ContactWindow(TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), window);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evenings")]
    [InlineData("只在周末")]
    [InlineData("25-26")]
    public void Text_that_names_no_hours_is_not_enforced(string? text) => Assert.Null(ContactWindow.Parse(text));

    [Fact]
    public void A_window_across_midnight_contains_the_late_evening_and_early_morning()
    {
        var night = new ContactWindow(new TimeOnly(21, 0), new TimeOnly(9, 0));

        Assert.True(night.Contains(new TimeOnly(23, 0)));
        Assert.True(night.Contains(new TimeOnly(8, 59)));
        Assert.False(night.Contains(new TimeOnly(9, 0)));
        Assert.False(night.Contains(new TimeOnly(12, 0)));
    }
}
