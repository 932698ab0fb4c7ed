using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Data;

/// <summary>
/// Says that a piece of one-off maintenance work is done for this database, so no node looks for it again at its next
/// start (e.g. the people search's term backfill: at 10 M people the look costs half a minute of database work).
/// A migration that makes the work necessary again deletes its marker.
/// </summary>
[NotAudited]
public sealed class MaintenanceMarker
{
    public required string Name { get; set; }

    public DateTimeOffset DoneAt { get; set; }
}

internal sealed class MaintenanceMarkerConfiguration : IEntityTypeConfiguration<MaintenanceMarker>
{
    public void Configure(EntityTypeBuilder<MaintenanceMarker> builder)
    {
        builder.ToTable("maintenance_markers");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(100);
    }
}
