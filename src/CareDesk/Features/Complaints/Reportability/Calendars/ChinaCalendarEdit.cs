using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// One year of China's calendar as an admin entered it from the State Council notice: it replaces the shipped year of
/// the same number (or adds a year the shipped file lacks, such as the next one once it is published each November).
/// </summary>
public sealed class ChinaCalendarEdit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Year { get; set; }

    /// <summary>The notice it comes from (国务院办公厅关于…年部分节假日安排的通知, its number and date).</summary>
    public required string Source { get; set; }

    /// <summary>The days off as JSON <c>[{ "name", "from", "to" }]</c>.</summary>
    public required string Holidays { get; set; }

    /// <summary>The make-up working days (调休上班) as JSON <c>["2027-02-07", …]</c>.</summary>
    public required string MakeUpWorkingDays { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public ChinaCalendarYear ToYear() => new(
        Year,
        Source,
        JsonSerializer.Deserialize<List<ChinaHolidayRange>>(Holidays, Json) ?? [],
        JsonSerializer.Deserialize<List<DateOnly>>(MakeUpWorkingDays, Json) ?? []);

    public void Set(ChinaCalendarYear year)
    {
        Source = year.Source;
        Holidays = JsonSerializer.Serialize(year.Holidays, Json);
        MakeUpWorkingDays = JsonSerializer.Serialize(year.MakeUpWorkingDays, Json);
    }
}

internal sealed class ChinaCalendarEditConfiguration : IEntityTypeConfiguration<ChinaCalendarEdit>
{
    public void Configure(EntityTypeBuilder<ChinaCalendarEdit> builder)
    {
        builder.ToTable("china_calendar_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(500);
        builder.Property(y => y.Holidays).HasMaxLength(8000);
        builder.Property(y => y.MakeUpWorkingDays).HasMaxLength(2000);
        builder.Property(y => y.UpdatedBy).HasMaxLength(450);
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}
