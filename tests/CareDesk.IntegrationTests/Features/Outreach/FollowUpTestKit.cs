using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Follow-up rules through the API, and the scheduler's run the job would make.</summary>
internal static class FollowUpTestKit
{
    public static async Task<Guid> StartRuleAsync(this HttpClient supervisor, object rule)
    {
        var created = await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", rule)).ReadAsync<CampaignView>(HttpStatusCode.Created);
        await (await supervisor.PostAsync($"/api/campaigns/{created.Id}/start", null)).ReadAsync<CampaignView>();
        return created.Id;
    }

    /// <summary>A new agent, signed in, with their sign-in for later (a token outlives no move of the clock by days).</summary>
    public static async Task<(HttpClient Client, string UserId, NewUser User)> FreshAgentAsync(this CareDeskFactory app)
    {
        var (_, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        return (await app.CreateClientForAsync(user.Email, user.Password), view.Id, user);
    }

    public static async Task SetSkillsAsync(this HttpClient supervisor, string userId, string product) =>
        (await supervisor.PutAsJsonAsync($"/api/staff/{userId}/skills", new { languages = new[] { "zh" }, products = new[] { product }, tier = 1 })).EnsureSuccessStatusCode();

    /// <summary>
    /// What <c>FollowUpJob</c> does every minute: the waiting events turned into follow-ups. The job may run at the same
    /// moment (it is scheduled in real time); either way the events are handled once, so tests look at the outcome.
    /// </summary>
    public static async Task<int> ScheduleFollowUpsAsync(this CareDeskFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<ScheduleFollowUps>().RunAsync(CancellationToken.None);
    }
}
