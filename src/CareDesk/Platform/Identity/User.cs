using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Identity;

/// <summary>A staff member who signs in: agent, expert, supervisor, admin...</summary>
public sealed class User : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>UI culture: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Language { get; set; } = Localization.SupportedCultures.Default;

    /// <summary>IANA time zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A disabled user cannot sign in, and their existing sessions and tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The phone system's extension of this agent; telephony events name the agent by it or by e-mail.</summary>
    public string? PhoneExtension { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Language).HasMaxLength(16);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.PhoneExtension).HasMaxLength(32);
        builder.HasIndex(u => u.PhoneExtension);
    }
}
