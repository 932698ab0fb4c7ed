using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>With <c>Audit:MaskPersonalData=false</c> the log shows personal values in clear; secrets stay out.</summary>
public sealed class AuditUnmaskedTests(AuditUnmaskedTests.UnmaskedFactory app) : IClassFixture<AuditUnmaskedTests.UnmaskedFactory>
{
    public sealed class UnmaskedFactory : CareDeskFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Audit:MaskPersonalData"] = "false" };
    }

    [Fact]
    public async Task Personal_values_are_recorded_in_clear_when_masking_is_off()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var created = await admin.CreateUserAsync("Linus Visible");

        var entry = Assert.Single(await app.EntriesForAsync("User", created.Id));
        var changes = AuditTestKit.ChangesOf(entry);
        Assert.Equal((null, "Linus Visible"), changes[nameof(User.DisplayName)]);
        Assert.Equal((null, created.Email), changes[nameof(User.Email)]);
        Assert.False(changes.ContainsKey(nameof(User.PasswordHash)));
        Assert.False(changes.ContainsKey(nameof(User.SecurityStamp)));
    }
}
