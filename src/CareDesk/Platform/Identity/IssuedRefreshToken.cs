using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Identity;

/// <summary>
/// One refresh token handed out, by id: each is good for one refresh, which issues the next token of the same
/// family. A token presented again means two holders (one of them a thief), so its whole family is revoked.
/// Not audited: sign-in plumbing, like the outbox.
/// </summary>
[NotAudited]
public sealed class IssuedRefreshToken
{
    public Guid Id { get; set; }

    /// <summary>All tokens descending from one sign-in.</summary>
    public Guid FamilyId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class IssuedRefreshTokenConfiguration : IEntityTypeConfiguration<IssuedRefreshToken>
{
    public void Configure(EntityTypeBuilder<IssuedRefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => new { t.UserId, t.ExpiresAt });
    }
}
