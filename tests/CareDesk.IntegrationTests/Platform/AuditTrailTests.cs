using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Every save through the DbContext is audited, with who, what, old → new, and no secrets.</summary>
public sealed class AuditTrailTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Creating_a_user_records_the_admin_as_actor_the_new_id_and_every_field_as_new_value()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var me = await admin.MeAsync();

        var created = await admin.CreateUserAsync("Ada Auditor", Roles.Agent, Roles.Expert);

        var entries = await app.EntriesForAsync("User", created.Id);
        var entry = Assert.Single(entries);
        Assert.Equal(AuditTrail.Created, entry.Action);
        Assert.Equal(me.Id, entry.ActorId);
        Assert.Equal(me.Email, entry.ActorName);
        Assert.False(string.IsNullOrWhiteSpace(entry.RequestId));
        Assert.Null(entry.Reason);

        var changes = AuditTestKit.ChangesOf(entry);
        Assert.Equal((null, "en"), changes[nameof(User.Language)]);
        Assert.Equal((null, "Europe/Berlin"), changes[nameof(User.TimeZone)]);
        Assert.Equal((null, "False"), changes[nameof(User.IsDisabled)]);
        Assert.Equal((null, AuditTrail.Masked), changes[nameof(User.DisplayName)]);
        Assert.DoesNotContain("Ada Auditor", entry.Changes, StringComparison.Ordinal);

        // The role grants of the same request are audited too, by the same actor under the same request id.
        var grants = (await app.AllEntriesAsync()).Where(e => e.EntityId.StartsWith(created.Id + ",", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, grants.Count);
        Assert.All(grants, g =>
        {
            Assert.Equal(AuditTrail.Created, g.Action);
            Assert.Equal("IdentityUserRole", g.EntityType);
            Assert.Equal(me.Id, g.ActorId);
            Assert.Equal(entry.RequestId, g.RequestId);
        });
    }

    [Fact]
    public async Task Personal_data_is_masked_by_default_including_the_values_derived_from_it()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var created = await admin.CreateUserAsync("Grace Hidden");

        var entry = Assert.Single(await app.EntriesForAsync("User", created.Id));
        var changes = AuditTestKit.ChangesOf(entry);
        Assert.Equal(AuditTrail.Masked, changes[nameof(User.DisplayName)].New);
        Assert.Equal(AuditTrail.Masked, changes[nameof(User.Email)].New);
        Assert.Equal(AuditTrail.Masked, changes[nameof(User.NormalizedEmail)].New);
        Assert.Equal(AuditTrail.Masked, changes[nameof(User.NormalizedUserName)].New);
        Assert.DoesNotContain("Grace Hidden", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Email, entry.Changes, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Password_hashes_and_security_stamps_never_enter_the_log()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var created = await admin.CreateUserAsync("Secret Keeper");
        var updated = await admin.PutAsJsonAsync($"/api/users/{created.Id}", new
        {
            displayName = "Secret Keeper II",
            roles = new[] { Roles.Supervisor },
            language = "en",
            timeZone = "UTC",
            version = created.Version,
        });
        updated.EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/users/{created.Id}/disable", new { })).EnsureSuccessStatusCode();

        var secrets = await app.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.PasswordHash != null)
            .Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp })
            .ToListAsync());
        var log = await app.AllEntriesAsync();

        Assert.NotEmpty(secrets);
        Assert.All(log, entry =>
        {
            var changes = entry.Changes ?? "";
            Assert.DoesNotContain(nameof(User.SecurityStamp), changes, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(User.ConcurrencyStamp), changes, StringComparison.Ordinal);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret.PasswordHash!, changes, StringComparison.Ordinal);
                Assert.DoesNotContain(secret.SecurityStamp!, changes, StringComparison.Ordinal);
                Assert.DoesNotContain(secret.ConcurrencyStamp!, changes, StringComparison.Ordinal);
            }
        });
        // Created without even a masked value.
        Assert.All(log.Where(e => e.Action == AuditTrail.Created), e =>
            Assert.DoesNotContain(nameof(User.PasswordHash), e.Changes ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_records_only_the_changed_fields_with_old_and_new_values()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var created = await admin.CreateUserAsync("Before Rename");

        var response = await admin.PutAsJsonAsync($"/api/users/{created.Id}", new
        {
            displayName = "After Rename",
            roles = created.Roles,
            language = "zh-CN",
            timeZone = created.TimeZone,
            version = created.Version,
        });
        response.EnsureSuccessStatusCode();

        var entries = await app.EntriesForAsync("User", created.Id);
        Assert.Equal([AuditTrail.Created, AuditTrail.Updated], entries.Select(e => e.Action));
        var changes = AuditTestKit.ChangesOf(entries[1]);
        Assert.Equal([nameof(User.DisplayName), nameof(User.Language)], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("en", "zh-CN"), changes[nameof(User.Language)]);
        Assert.Equal((AuditTrail.Masked, AuditTrail.Masked), changes[nameof(User.DisplayName)]);
    }

    [Fact]
    public async Task Disabling_a_user_records_the_flag_going_from_false_to_true()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var created = await admin.CreateUserAsync("Soon Disabled");

        (await admin.PostAsJsonAsync($"/api/users/{created.Id}/disable", new { })).EnsureSuccessStatusCode();

        var entry = (await app.EntriesForAsync("User", created.Id)).Last();
        Assert.Equal(AuditTrail.Updated, entry.Action);
        Assert.Equal(("False", "True"), AuditTestKit.ChangesOf(entry)[nameof(User.IsDisabled)]);
    }

    [Fact]
    public async Task A_failed_use_case_leaves_no_audit_entry()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Identity refuses the password after its own checks; the account must not exist, nor its audit entry.
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"{Guid.NewGuid():N}@audit.test",
            displayName = "Weak Password",
            password = "short",
            roles = new[] { Roles.Agent },
            language = "en",
            timeZone = "UTC",
        });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_read_hook_records_who_read_which_record_and_why()
    {
        var personId = Guid.NewGuid().ToString();

        await app.RecordReadAsAsync("user-reader-1", "reader@demo.caredesk", "Person", personId, "callback requested");

        var entry = Assert.Single(await app.EntriesForAsync("Person", personId));
        Assert.Equal(AuditTrail.Read, entry.Action);
        Assert.Equal("user-reader-1", entry.ActorId);
        Assert.Equal("reader@demo.caredesk", entry.ActorName);
        Assert.Equal("callback requested", entry.Reason);
        Assert.Null(entry.Changes);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_deleted_or_added_through_the_context()
    {
        await app.RecordReadAsAsync("user-reader-2", "reader@demo.caredesk", "Person", "append-only");
        var sequence = (await app.EntriesForAsync("Person", "append-only")).Single().Sequence;

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == sequence);
            entry.ActorId = "someone-else";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Sequence == sequence));
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Sequence = sequence + 1_000,
                ActorId = "forger",
                Action = AuditTrail.Created,
                EntityType = "Person",
                EntityId = "forged",
                PreviousHash = AuditChain.GenesisHash,
                Hash = AuditChain.GenesisHash,
            });
            return await db.SaveChangesAsync();
        }));
        Assert.Throws<InvalidOperationException>(() =>
        {
            // The synchronous save is refused for anything audited, audit rows included.
            using var scope = app.Services.CreateScope();
            using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContext();
            db.AuditEntries.Remove(db.AuditEntries.Single(e => e.Sequence == sequence));
            return db.SaveChanges();
        });

        var stored = Assert.Single(await app.EntriesForAsync("Person", "append-only"));
        Assert.Equal("user-reader-2", stored.ActorId);
        Assert.True((await (await app.CreateClientForRoleAsync(Roles.Admin)).VerifyChainAsync()).Intact);
    }
}
