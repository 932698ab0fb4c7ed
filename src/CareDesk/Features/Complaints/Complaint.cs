using CareDesk.Features.Cases;
using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints;

/// <summary>
/// The complaint file of a case (F15, F16): a communication alleging a deficiency in the identity, quality,
/// durability, reliability, usability, safety or performance of a device (ISO 13485:2016 3.4; FDA QMSR 21 CFR 820.3).
/// One per case. It is under legal hold: erasing the person (F33) must keep it.
/// </summary>
public sealed partial class Complaint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>
    /// When anyone acting for the maker received the information — the contact's start, an outsourced agent's call
    /// included (21 CFR 803.3 "become aware"; MDCG 2023-3 Q&amp;A on awareness) — from which every regulator's clock runs.
    /// </summary>
    public DateTimeOffset AwarenessAt { get; set; }

    /// <summary>The contact it was received in; null when it was recorded without one (then awareness is that moment).</summary>
    public Guid? AwarenessContactId { get; set; }

    /// <summary>The IANA time zone of the receiving site (the agent's), in which day counts start.</summary>
    public required string ReceivingTimeZone { get; set; }

    public required string FlaggedBy { get; set; }

    public DateTimeOffset FlaggedAt { get; set; }

    /// <summary>Set when quality found it is not a complaint after all; the file stays (legal hold), marked cleared.</summary>
    public string? ClearedBy { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    public string? ClearReason { get; set; }

    /// <summary>The catalog model the complaint concerns (F17: its regulatory profile decides the markets); null until asked.</summary>
    public string? ProductModelId { get; set; }

    /// <summary>The day the event happened, on the caller's calendar; null until asked.</summary>
    public DateOnly? EventDate { get; set; }

    /// <summary>Where the event happened (ISO 3166-1 alpha-2); decides EU (outside the EEA) and China (overseas) rules.</summary>
    public string? EventCountry { get; set; }

    /// <summary>The EU member state whose competent authority receives the report (its holidays move a last day).</summary>
    public string? EuMemberState { get; set; }

    /// <summary>Always true: a complaint file outlives the erasure of its person (F33).</summary>
    public bool LegalHold { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => ClearedAt is null;

    /// <summary>A version the caller read, if they sent one: a different current version is a conflict.</summary>
    public Platform.Api.Failure? CheckVersion(string? version) =>
        version is null ? null
        : !Guid.TryParse(version, out var read) ? Platform.Api.Failure.Invalid("version", "Complaint.VersionInvalid")
        : read == Version ? null
        : Platform.Api.Failure.Conflict("Complaint.Conflict");
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.CaseId).IsUnique();
        builder.HasIndex(c => c.PersonId);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Legal hold: a person with a complaint file cannot be deleted from under it.
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ReceivingTimeZone).HasMaxLength(64);
        builder.Property(c => c.FlaggedBy).HasMaxLength(450);
        builder.Property(c => c.ClearedBy).HasMaxLength(450);
        builder.Property(c => c.ClearReason).HasMaxLength(4000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ProductModelId).HasMaxLength(64);
        builder.HasOne<Catalog.ProductModel>().WithMany().HasForeignKey(c => c.ProductModelId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.EventCountry).HasMaxLength(2);
        builder.Property(c => c.EuMemberState).HasMaxLength(2);
        builder.Ignore(c => c.IsActive);
    }
}
