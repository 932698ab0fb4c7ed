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
