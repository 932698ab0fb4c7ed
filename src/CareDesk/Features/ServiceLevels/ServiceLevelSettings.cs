using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// The stored business calendars and service-level policies: everyone on staff reads them, supervisors and admins
/// add and change them (with the version read: 409 when it changed meanwhile). A change applies to cases opened
/// afterwards; a running clock keeps the targets it started with.
/// </summary>
public sealed class ServiceLevelSettings(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record HoursInput([property: Required, MaxLength(16)] string Day, [property: Required, MaxLength(8)] string Opens, [property: Required, MaxLength(8)] string Closes);

    public sealed record CalendarInput(
        [property: Required, MaxLength(200), SingleLineText] string Name,
        bool AlwaysOpen = false,
        [property: MaxLength(64)] string? TimeZone = null,
        IReadOnlyList<HoursInput>? OfficeHours = null,
        [property: MaxLength(2)] string? HolidayCountry = null,
        IReadOnlyList<DateOnly>? ClosedDays = null,
        IReadOnlyList<DateOnly>? ExtraWorkingDays = null,
        [property: MaxLength(16)] string? ExtraWorkingDaysFollow = null,
        [property: MaxLength(64)] string? Id = null,
        string? Version = null);

    public sealed record PolicyInput(
        [property: Required, MaxLength(64)] string CalendarId,
        [property: Required] double? WarnShare,
        [property: MaxLength(32)] string? CaseType = null,
        [property: MaxLength(16)] string? Priority = null,
        int? FirstResponseMinutes = null,
        int? CallbackMinutes = null,
        int? ResolutionMinutes = null,
        string? Version = null);

    public sealed record HoursView(string Day, string Opens, string Closes);

    public sealed record CalendarView(
        string Id, string Name, bool AlwaysOpen, string TimeZone, IReadOnlyList<HoursView> OfficeHours, string? HolidayCountry,
        IReadOnlyList<DateOnly> ClosedDays, IReadOnlyList<DateOnly> ExtraWorkingDays, string ExtraWorkingDaysFollow, string Version);

    public sealed record PolicyView(
        Guid Id, string? CaseType, string? Priority, string CalendarId, int? FirstResponseMinutes, int? CallbackMinutes, int? ResolutionMinutes,
        double WarnShare, string Version);

    public sealed record Overview(IReadOnlyList<CalendarView> Calendars, IReadOnlyList<PolicyView> Policies);

    public async Task<Overview> ListAsync(CancellationToken cancellationToken)
    {
        var calendars = await db.ServiceCalendars.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var policies = await db.ServicePolicies.AsNoTracking().ToListAsync(cancellationToken);
        return new Overview(
            [.. calendars.Select(View)],
            [.. policies.OrderBy(p => p.CaseType is null && p.Priority is null ? 0 : 1).ThenBy(p => p.MatchKey, StringComparer.Ordinal).Select(View)]);
    }

    /// <summary>Adds a calendar (<paramref name="id"/> null: the input's id) or changes calendar <paramref name="id"/>.</summary>
    public async Task<Result<CalendarView>> SaveCalendarAsync(string? id, CalendarInput input, CancellationToken cancellationToken)
    {
        var creating = id is null;
        var calendarId = (creating ? input.Id : id)?.Trim() ?? "";
        if (creating && (calendarId.Length == 0 || !calendarId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            return Failure.Invalid("id", "Calendar.IdInvalid");
        }

        var hours = new List<OfficeHours>();
        for (var i = 0; i < (input.OfficeHours?.Count ?? 0); i++)
        {
            var given = input.OfficeHours![i];
            if (!Enum.TryParse<DayOfWeek>(given.Day, ignoreCase: true, out var day) || int.TryParse(given.Day, out _))
            {
                return Failure.Invalid($"officeHours[{i}].day", "Calendar.DayInvalid");
            }

            if (ParseTime(given.Opens) is not { } opens)
            {
                return Failure.Invalid($"officeHours[{i}].opens", "Calendar.TimeInvalid");
            }

            if (ParseTime(given.Closes) is not { } closes)
            {
                return Failure.Invalid($"officeHours[{i}].closes", "Calendar.TimeInvalid");
            }

            hours.Add(new OfficeHours(day, opens, closes));
        }

        var follow = DayOfWeek.Monday;
        if (input.ExtraWorkingDaysFollow is not null && (!Enum.TryParse(input.ExtraWorkingDaysFollow, ignoreCase: true, out follow) || int.TryParse(input.ExtraWorkingDaysFollow, out _)))
        {
            return Failure.Invalid("extraWorkingDaysFollow", "Calendar.DayInvalid");
        }

        var settings = new BusinessCalendarSettings
        {
            Id = calendarId,
            AlwaysOpen = input.AlwaysOpen,
            TimeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone.Trim(),
            OfficeHours = hours,
            HolidayCountry = string.IsNullOrWhiteSpace(input.HolidayCountry) ? null : input.HolidayCountry.Trim().ToUpperInvariant(),
            ClosedDays = [.. (input.ClosedDays ?? []).Distinct().Order()],
            ExtraWorkingDays = [.. (input.ExtraWorkingDays ?? []).Distinct().Order()],
            ExtraWorkingDaysFollow = follow,
        };
        if (BusinessCalendar.Create(settings).Failure is { } invalid)
        {
            return invalid;
        }

        ServiceCalendar? stored;
        if (creating)
        {
            if (await db.ServiceCalendars.AnyAsync(c => c.Id == calendarId, cancellationToken))
            {
                return Failure.Invalid("id", "Calendar.IdTaken", calendarId);
            }

            stored = new ServiceCalendar { Id = calendarId, Name = "" };
            db.ServiceCalendars.Add(stored);
        }
        else
        {
            stored = await db.ServiceCalendars.SingleOrDefaultAsync(c => c.Id == calendarId, cancellationToken);
            if (stored is null)
            {
                return Failure.NotFound("Calendar.NotFound");
            }

            if (CheckVersion(stored.Version, input.Version) is { } stale)
            {
                return stale;
            }
        }

        stored.Name = input.Name.Trim();
        stored.AlwaysOpen = settings.AlwaysOpen;
        stored.TimeZone = settings.TimeZone;
        stored.SetHours(hours);
        stored.HolidayCountry = settings.HolidayCountry;
        stored.ClosedDays = [.. settings.ClosedDays];
        stored.ExtraWorkingDays = [.. settings.ExtraWorkingDays];
        stored.ExtraWorkingDaysFollow = follow;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.Version = Guid.NewGuid();
        return await SaveAsync(() => View(stored), cancellationToken);
    }

    /// <summary>Adds a policy (<paramref name="id"/> null) or changes policy <paramref name="id"/>.</summary>
    public async Task<Result<PolicyView>> SavePolicyAsync(Guid? id, PolicyInput input, CancellationToken cancellationToken)
    {
        var caseType = string.IsNullOrWhiteSpace(input.CaseType) ? null : input.CaseType.Trim();
        var priority = string.IsNullOrWhiteSpace(input.Priority) ? null : input.Priority.Trim();
        if (caseType is not null && !ServiceLevelPolicy.CaseTypes.Contains(caseType, StringComparer.Ordinal))
        {
            return Failure.Invalid("caseType", "Policy.CaseTypeUnknown", string.Join(", ", ServiceLevelPolicy.CaseTypes));
        }

        if (priority is not null && !ServiceLevelPolicy.Priorities.Contains(priority, StringComparer.Ordinal))
        {
            return Failure.Invalid("priority", "Policy.PriorityUnknown", string.Join(", ", ServiceLevelPolicy.Priorities));
        }

        if (input.WarnShare is not (> 0 and < 1))
        {
            return Failure.Invalid("warnShare", "Policy.WarnShareRange");
        }

        foreach (var (field, minutes) in new[] { ("firstResponseMinutes", input.FirstResponseMinutes), ("callbackMinutes", input.CallbackMinutes), ("resolutionMinutes", input.ResolutionMinutes) })
        {
            if (minutes <= 0)
            {
                return Failure.Invalid(field, "Policy.TargetNotPositive");
            }
        }

        if (!await db.ServiceCalendars.AnyAsync(c => c.Id == input.CalendarId, cancellationToken))
        {
            return Failure.Invalid("calendarId", "Policy.CalendarUnknown", input.CalendarId);
        }

        var key = ServicePolicy.KeyOf(caseType, priority);
        if (await db.ServicePolicies.AnyAsync(p => p.MatchKey == key && p.Id != id, cancellationToken))
        {
            return Failure.Invalid(caseType is null ? "priority" : "caseType", "Policy.RuleDuplicate");
        }

        ServicePolicy? stored;
        if (id is null)
        {
            stored = new ServicePolicy { CalendarId = input.CalendarId };
            db.ServicePolicies.Add(stored);
        }
        else
        {
            stored = await db.ServicePolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (stored is null)
            {
                return Failure.NotFound("Policy.NotFound");
            }

            if (CheckVersion(stored.Version, input.Version) is { } stale)
            {
                return stale;
            }
        }

        stored.CaseType = caseType;
        stored.Priority = priority;
        stored.MatchKey = key;
        stored.CalendarId = input.CalendarId;
        stored.FirstResponse = Minutes(input.FirstResponseMinutes);
        stored.Callback = Minutes(input.CallbackMinutes);
        stored.Resolution = Minutes(input.ResolutionMinutes);
        stored.WarnShare = input.WarnShare.Value;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.Version = Guid.NewGuid();
        return await SaveAsync(() => View(stored), cancellationToken);
    }

    internal static CalendarView View(ServiceCalendar c) => new(
        c.Id, c.Name, c.AlwaysOpen, c.TimeZone,
        [.. c.Hours().Select(h => new HoursView(h.Day.ToString().ToLowerInvariant(), Time(h.Opens), Time(h.Closes)))],
        c.HolidayCountry, c.ClosedDays, c.ExtraWorkingDays, c.ExtraWorkingDaysFollow.ToString().ToLowerInvariant(), c.Version.ToString());

    internal static PolicyView View(ServicePolicy p) => new(
        p.Id, p.CaseType, p.Priority, p.CalendarId, ToMinutes(p.FirstResponse), ToMinutes(p.Callback), ToMinutes(p.Resolution), p.WarnShare, p.Version.ToString());

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static TimeSpan? Minutes(int? minutes) => minutes is { } m ? TimeSpan.FromMinutes(m) : null;

    private static int? ToMinutes(TimeSpan? target) => target is { } t ? (int)t.TotalMinutes : null;

    /// <summary>The version the editor read is required: a different current one is a conflict.</summary>
    private static Failure? CheckVersion(Guid current, string? read) =>
        !Guid.TryParse(read, out var version) ? Failure.Invalid("version", "Settings.VersionRequired")
        : version == current ? null : Failure.Conflict("Settings.Conflict");

    private async Task<Result<T>> SaveAsync<T>(Func<T> view, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another supervisor saved in between (the version is checked in the UPDATE).
            return Failure.Conflict("Settings.Conflict");
        }

        return view();
    }
}
