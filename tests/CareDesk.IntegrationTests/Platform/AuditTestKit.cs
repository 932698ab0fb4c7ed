using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CareDesk.Features.Users;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>What the audit tests share: the audit API, a user builder, and entries written as a chosen actor.</summary>
internal static class AuditTestKit
{
    public const string DemoPassword = "CareDesk-demo-1";

    public static async Task<SearchAuditLog.Page> SearchAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/audit?{query}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SearchAuditLog.Page>())!;
    }

    public static async Task<AuditChainReport> VerifyChainAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/audit/verify");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuditChainReport>())!;
    }

    public static async Task<UserView> CreateUserAsync(this HttpClient admin, string displayName, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"{Guid.NewGuid():N}@audit.test",
            displayName,
            password = "Audit-test-password-1",
            roles = roles.Length == 0 ? [Roles.Agent] : roles,
            language = "en",
            timeZone = "Europe/Berlin",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UserView>())!;
    }

    public static async Task<UserView> MeAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<UserView>("/api/me"))!;

    /// <summary>Records a read as a signed-in user would, in a scope of its own (as a request or circuit has).</summary>
    public static async Task RecordReadAsAsync(
        this CareDeskFactory app, string actorId, string actorName, string entityType, string entityId, string? reason = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, actorId), new Claim(ClaimTypes.Name, actorName)], "test"));
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetUser(actor);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync(entityType, entityId, CancellationToken.None, reason);
    }

    /// <summary>
    /// Seals what is committed, as the host's sealer does moments after each commit: a test that reads hashes or
    /// tampers with sealed entries calls it first rather than waiting for the background pass.
    /// </summary>
    public static Task<long> SealAsync(this CareDeskFactory app) =>
        app.Services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);

    public static Task<List<AuditEntry>> EntriesForAsync(this CareDeskFactory app, string entityType, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .ToListAsync());

    public static Task<List<AuditEntry>> AllEntriesAsync(this CareDeskFactory app) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The recorded changes of an entry: field → (old, new).</summary>
    public static Dictionary<string, (string? Old, string? New)> ChangesOf(AuditEntry entry)
    {
        Assert.NotNull(entry.Changes);
        using var json = JsonDocument.Parse(entry.Changes);
        return json.RootElement.EnumerateObject().ToDictionary(
            field => field.Name,
            field => (field.Value.GetProperty("old").GetString(), field.Value.GetProperty("new").GetString()),
            StringComparer.Ordinal);
    }
}
