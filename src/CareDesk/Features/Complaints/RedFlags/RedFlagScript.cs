using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// What the agent tells the caller at once when a red flag is "yes", as an administrator wrote it, in English and
/// Chinese. A flag without a row reads the shipped default from the resources, so an installation has sensible
/// scripts from the start and nothing to seed.
/// </summary>
public sealed class RedFlagScript
{
    /// <summary>The red flag's wire name (<see cref="RedFlags"/>).</summary>
    public required string Flag { get; set; }

    public required string English { get; set; }

    public required string Chinese { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class RedFlagScriptConfiguration : IEntityTypeConfiguration<RedFlagScript>
{
    public void Configure(EntityTypeBuilder<RedFlagScript> builder)
    {
        builder.ToTable("red_flag_scripts");
        builder.HasKey(s => s.Flag);
        builder.Property(s => s.Flag).HasMaxLength(64);
        builder.Property(s => s.English).HasMaxLength(2000);
        builder.Property(s => s.Chinese).HasMaxLength(2000);
        builder.Property(s => s.UpdatedBy).HasMaxLength(450);
    }
}
