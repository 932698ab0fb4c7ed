using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// China's calendar as admins keep it (F17): each year shipped or edited, and the edit of one year from the State
/// Council's notice. A saved edit is in force on this node at once; other nodes read it within
/// <see cref="ChinaCalendarRefresh.Interval"/>, and every node at start-up.
/// </summary>
public sealed class ChinaCalendars(CareDeskDbContext db, RegulatoryCalendars calendars, TimeProvider time)
{
    internal const int MaxHolidayLength = 14;

    /// <summary>A year of China's calendar as shown to admins: where it comes from, and the version to send back.</summary>
    public sealed record YearView(
        int Year, string Source, IReadOnlyList<ChinaHolidayRange> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays,
        bool Edited, string? Version, DateTimeOffset? UpdatedAt);

    /// <param name="Version">The version read of an edited year; absent when the year was not edited before.</param>
    public sealed record Request(string? Source, IReadOnlyList<ChinaHolidayRange>? Holidays, IReadOnlyList<DateOnly>? MakeUpWorkingDays, string? Version);

    public async Task<IReadOnlyList<YearView>> ListAsync(CancellationToken cancellationToken)
    {
        var edits = await db.Set<ChinaCalendarEdit>().AsNoTracking().ToListAsync(cancellationToken);
        var edited = edits.ToDictionary(e => e.Year);
        return [.. calendars.Shipped.Where(y => !edited.ContainsKey(y.Year))
            .Select(y => new YearView(y.Year, y.Source, y.Holidays, y.MakeUpWorkingDays, false, null, null))
            .Concat(edits.Select(View))
            .OrderBy(y => y.Year)];
    }

    public async Task<Result<YearView>> SaveAsync(int year, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (Check(year, request) is { } invalid)
        {
            return invalid;
        }

        var edit = await db.Set<ChinaCalendarEdit>().SingleOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (edit is null && request.Version is not null)
        {
            return Failure.Conflict("Calendar.Conflict");
        }

        if (edit is not null)
        {
            if (!Guid.TryParse(request.Version, out var read))
            {
                return Failure.Invalid("version", "Calendar.VersionRequired");
            }

            if (read != edit.Version)
            {
                return Failure.Conflict("Calendar.Conflict");
            }
        }

        var days = new ChinaCalendarYear(year, request.Source!.Trim(),
            [.. request.Holidays!.Select(h => h with { Name = h.Name.Trim() }).OrderBy(h => h.From)],
            [.. request.MakeUpWorkingDays!.Distinct().Order()]);
        if (edit is null)
        {
            edit = new ChinaCalendarEdit { Year = year, Source = "", Holidays = "", MakeUpWorkingDays = "", UpdatedBy = actor.UserId };
            db.Add(edit);
        }

        edit.Set(days);
        edit.UpdatedBy = actor.UserId;
        edit.UpdatedAt = time.GetUtcNow();
        edit.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin saved the same year between our read and our write (the key or the version caught it).
            return Failure.Conflict("Calendar.Conflict");
        }

        await ReloadAsync(cancellationToken);
        return View(edit);
    }

    /// <summary>Reads the edited years and puts them in force on this node.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var edits = await db.Set<ChinaCalendarEdit>().AsNoTracking().ToListAsync(cancellationToken);
        calendars.UseEdits([.. edits.Select(e => e.ToYear())]);
    }

    private static YearView View(ChinaCalendarEdit edit)
    {
        var year = edit.ToYear();
        return new YearView(year.Year, year.Source, year.Holidays, year.MakeUpWorkingDays, true, edit.Version.ToString(), edit.UpdatedAt);
    }

    private static Failure? Check(int year, Request request)
    {
        if (year is < 2000 or > 2100)
        {
            return Failure.Invalid("year", "Calendar.YearInvalid");
        }

        if (string.IsNullOrWhiteSpace(request.Source))
        {
            return Failure.Invalid("source", "Calendar.SourceRequired");
        }

        if (request.Source.Trim().Length > 500)
        {
            return Failure.Invalid("source", "Calendar.SourceTooLong");
        }

        if (request.Holidays is null || request.Holidays.Count == 0)
        {
            return Failure.Invalid("holidays", "Calendar.HolidaysRequired");
        }

        for (var i = 0; i < request.Holidays.Count; i++)
        {
            var holiday = request.Holidays[i];
            var field = $"holidays[{i}]";
            if (string.IsNullOrWhiteSpace(holiday.Name) || holiday.Name.Trim().Length > 64)
            {
                return Failure.Invalid($"{field}.name", "Calendar.NameInvalid");
            }

            if (holiday.To < holiday.From)
            {
                return Failure.Invalid($"{field}.to", "Calendar.RangeBackwards");
            }

            if (holiday.To.DayNumber - holiday.From.DayNumber + 1 > MaxHolidayLength)
            {
                return Failure.Invalid($"{field}.to", "Calendar.RangeTooLong", MaxHolidayLength);
            }

            // A notice's breaks start in its year; 元旦 may end in the next (a break from 31 December).
            if (holiday.From.Year != year && holiday.To.Year != year)
            {
                return Failure.Invalid($"{field}.from", "Calendar.RangeOutsideYear", year);
            }

            for (var j = 0; j < i; j++)
            {
                if (holiday.From <= request.Holidays[j].To && request.Holidays[j].From <= holiday.To)
                {
                    return Failure.Invalid($"{field}.from", "Calendar.RangesOverlap", request.Holidays[j].Name);
                }
            }
        }

        var makeUp = request.MakeUpWorkingDays ?? [];
        if (request.MakeUpWorkingDays is null)
        {
            return Failure.Invalid("makeUpWorkingDays", "Calendar.MakeUpRequired");
        }

        for (var i = 0; i < makeUp.Count; i++)
        {
            var day = makeUp[i];
            var field = $"makeUpWorkingDays[{i}]";
            // 调休: a weekend day made a working day; a weekday is a working day already.
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Failure.Invalid(field, "Calendar.MakeUpNotWeekend", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (Math.Abs(day.Year - year) > 1 || (day.Year != year && Math.Abs(day.DayNumber - new DateOnly(year, day.Year < year ? 1 : 12, day.Year < year ? 1 : 31).DayNumber) > 31))
            {
                return Failure.Invalid(field, "Calendar.MakeUpOutsideYear", year);
            }

            if (request.Holidays.Any(h => h.From <= day && day <= h.To))
            {
                return Failure.Invalid(field, "Calendar.MakeUpInsideHoliday");
            }
        }

        return null;
    }
}
