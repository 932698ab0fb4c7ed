using CareDesk.Features.Complaints.Reportability.Calendars;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.Tests.Features.Complaints;

public sealed class RegulatoryCalendarTests
{
    private static readonly RegulatoryCalendars Calendars = ReportabilityCalendars();

    private static RegulatoryCalendars ReportabilityCalendars() => new(new EmbeddedChinaCalendarSource());

    [Theory]
    [InlineData("2025-01-28", false)] // 除夕, 春节
    [InlineData("2025-01-26", true)] // Sunday worked (调休)
    [InlineData("2025-02-08", true)] // Saturday worked
    [InlineData("2025-10-08", false)] // 国庆 and 中秋 together
    [InlineData("2025-10-11", true)] // Saturday worked
    [InlineData("2026-01-04", true)] // Sunday worked for 元旦
    [InlineData("2026-02-23", false)] // last day of 春节
    [InlineData("2026-02-28", true)] // Saturday worked
    [InlineData("2026-05-09", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    public void China_counts_the_state_council_days_off_and_make_up_working_days(string date, bool working)
    {
        Assert.Equal(working, Calendars.China.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void China_data_covers_2025_and_2026_and_cites_each_notice()
    {
        Assert.True(Calendars.China.Covers(2025));
        Assert.True(Calendars.China.Covers(2026));
        Assert.All(Calendars.China.Years, y => Assert.Contains("国务院办公厅", y.Source));
    }

    [Theory]
    [InlineData("2026-06-19", false)] // Juneteenth
    [InlineData("2026-07-03", false)] // Independence Day observed (4 July is a Saturday)
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-11-27", true)]
    public void United_states_work_days_exclude_federal_holidays(string date, bool working)
    {
        Assert.Equal(working, Calendars.UnitedStates.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_holiday_library_covers_24_member_states_and_lacks_bulgaria_cyprus_and_malta()
    {
        var missing = EuropeanUnion.MemberStates.Where(s => !Calendars.MemberState(s).Covers(2026)).Order().ToList();

        Assert.Equal(["BG", "CY", "MT"], missing);
    }

    [Fact]
    public async Task A_warning_is_logged_at_start_when_next_years_china_data_is_missing()
    {
        var logger = new ListLogger();
        var check = new ChinaCalendarCheck(Calendars, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero)), logger);

        await check.StartAsync(CancellationToken.None);

        Assert.Equal([2027], check.MissingYears());
        var warning = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("2027", warning.Message);
    }

    [Fact]
    public async Task No_warning_when_the_current_and_next_year_are_present()
    {
        var logger = new ListLogger();
        var check = new ChinaCalendarCheck(Calendars, new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)), logger);

        await check.StartAsync(CancellationToken.None);

        Assert.Empty(logger.Lines);
    }

    private sealed class ListLogger : ILogger<ChinaCalendarCheck>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
