using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.ServiceLevels;

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
