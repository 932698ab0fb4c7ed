using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// A business calendar as stored and edited by supervisors: the settings of <see cref="BusinessCalendar"/> in one
/// row (office hours as a JSON column; closed and extra working days as date lists).
/// </summary>
public sealed class ServiceCalendar
{
    /// <summary>The name policies refer to, e.g. <c>cn-office</c>; fixed once created.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public bool AlwaysOpen { get; set; }

    public string TimeZone { get; set; } = "UTC";

    /// <summary>JSON array of <see cref="OfficeHours"/>.</summary>
    public string OfficeHours { get; set; } = "[]";

    public string? HolidayCountry { get; set; }

    public List<DateOnly> ClosedDays { get; set; } = [];

    public List<DateOnly> ExtraWorkingDays { get; set; } = [];

    public DayOfWeek ExtraWorkingDaysFollow { get; set; } = DayOfWeek.Monday;

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<OfficeHours> Hours() => JsonSerializer.Deserialize<List<OfficeHours>>(OfficeHours, JsonSerializerOptions.Web) ?? [];

    public void SetHours(IReadOnlyList<OfficeHours> hours) => OfficeHours = JsonSerializer.Serialize(hours, JsonSerializerOptions.Web);

    public BusinessCalendarSettings Settings() => new()
    {
        Id = Id,
        AlwaysOpen = AlwaysOpen,
        TimeZone = TimeZone,
        OfficeHours = Hours(),
        HolidayCountry = HolidayCountry,
        ClosedDays = ClosedDays,
        ExtraWorkingDays = ExtraWorkingDays,
        ExtraWorkingDaysFollow = ExtraWorkingDaysFollow,
    };
}

/// <summary>
/// The targets for cases of one type and priority (null matches any; both null is the default), in business time
/// of <see cref="CalendarId"/>. A case copies its targets when it opens, so a later edit never moves a running clock.
/// </summary>
public sealed class ServicePolicy
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A case type in the API's words (<c>complaint</c>), or null for any.</summary>
    public string? CaseType { get; set; }

    /// <summary>A priority in the API's words (<c>urgent</c>), or null for any.</summary>
    public string? Priority { get; set; }

    /// <summary><c>type/priority</c> with <c>*</c> for any: unique, so two policies never match the same cases.</summary>
    public string MatchKey { get; set; } = "*/*";

    public required string CalendarId { get; set; }

    public TimeSpan? FirstResponse { get; set; }

    public TimeSpan? Callback { get; set; }

    public TimeSpan? Resolution { get; set; }

    /// <summary>The share of a target after which its clock warns (0.8: at 80 %).</summary>
    public double WarnShare { get; set; } = 0.8;

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static string KeyOf(string? caseType, string? priority) => $"{caseType ?? "*"}/{priority ?? "*"}";
}

internal sealed class ServiceCalendarConfiguration : IEntityTypeConfiguration<ServiceCalendar>
{
    public void Configure(EntityTypeBuilder<ServiceCalendar> builder)
    {
        builder.ToTable("service_calendars");
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.OfficeHours).HasMaxLength(8000);
        builder.Property(c => c.HolidayCountry).HasMaxLength(2);
        builder.Property(c => c.ExtraWorkingDaysFollow).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class ServicePolicyConfiguration : IEntityTypeConfiguration<ServicePolicy>
{
    public void Configure(EntityTypeBuilder<ServicePolicy> builder)
    {
        builder.ToTable("service_level_policies");
        builder.Property(p => p.CaseType).HasMaxLength(32);
        builder.Property(p => p.Priority).HasMaxLength(16);
        builder.Property(p => p.MatchKey).HasMaxLength(64);
        builder.HasIndex(p => p.MatchKey).IsUnique();
        builder.Property(p => p.CalendarId).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<ServiceCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}
