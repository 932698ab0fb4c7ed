using CareDesk.Features.Contacts;
using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Telephony;

/// <summary>
/// One event of a call as the phone system sent it, kept beside the call's contact (append-only). The hold time is
/// folded from these in the order of their timestamps, not of their arrival: an <c>unhold</c> that arrives before its
/// <c>hold</c> still counts. Not audited on its own: it holds no personal data, and the contact change it causes is.
/// </summary>
[NotAudited]
public sealed class CallEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    /// <summary>One of <see cref="RecordCallEvent.Types"/>.</summary>
    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class CallEventConfiguration : IEntityTypeConfiguration<CallEvent>
{
    public void Configure(EntityTypeBuilder<CallEvent> builder)
    {
        builder.ToTable("call_events");
        builder.Property(e => e.Type).HasMaxLength(16);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ContactId, e.At });
    }
}
