using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Devices;

public enum DeviceEventKind
{
    Registered,
    Repair,
    Replacement,
    Return,

    /// <summary>An accuracy or safety check of the device.</summary>
    Check,
    StatusChanged,
    Note,
}

/// <summary>Something that happened to a device: a repair, a replacement, a return. Cases will add more.</summary>
public sealed class DeviceEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DeviceId { get; set; }

    public DeviceEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What the agent wrote; never a status code (those are <see cref="FromStatus"/> and <see cref="ToStatus"/>).</summary>
    public string? Notes { get; set; }

    /// <summary>For a status change: the status before it.</summary>
    public DeviceStatus? FromStatus { get; set; }

    /// <summary>For a status change: the status after it.</summary>
    public DeviceStatus? ToStatus { get; set; }

    public string? RecordedBy { get; set; }

    /// <summary>The case it belongs to, once cases exist.</summary>
    public Guid? CaseId { get; set; }
}

internal sealed class DeviceEventConfiguration : IEntityTypeConfiguration<DeviceEvent>
{
    public void Configure(EntityTypeBuilder<DeviceEvent> builder)
    {
        builder.ToTable("device_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.HasIndex(e => new { e.DeviceId, e.At });
    }
}
