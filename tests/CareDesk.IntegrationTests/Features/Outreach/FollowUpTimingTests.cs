using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Devices;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Issue 14, F20: a follow-up waits for its day, then goes only to someone who can answer (a host of its own: the clock moves).</summary>
public sealed class FollowUpTimingTests : HostPerTest<OutreachHost>
{
    [Fact]
    public async Task A_repair_becomes_a_follow_up_on_day_3_taken_only_by_an_agent_who_knows_the_device_with_the_repair_on_screen()
    {
        await App.EndRunningCampaignsAsync();
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var model = await App.NewModelAsync();
        var person = (await App.SeedPeopleAsync(model, 1))[0];
        var device = await App.WithDbAsync(db => db.Devices.Where(d => d.PersonId == person).Select(d => d.Id).SingleAsync());
        var rule = await supervisor.StartRuleAsync(new { name = "维修后 3 天回访", trigger = "repair", offsetDays = 3, purpose = "service-follow-up", channel = "phone", productIds = new[] { model }, skillFromDevice = true });
        var (_, _, novice) = await App.FreshAgentAsync();
        var (expert, expertId, expertUser) = await App.FreshAgentAsync();
        await supervisor.SetSkillsAsync(expertId, model);

        var repaired = await (await expert.PostAsJsonAsync($"/api/devices/{device}/events", new { kind = "repair", notes = "更换电池仓" })).ReadAsync<DeviceView>();
        await App.ScheduleFollowUpsAsync();

        var member = await App.WithDbAsync(db => db.CampaignMembers.SingleAsync(m => m.CampaignId == rule && m.PersonId == person));
        Assert.Equal((MemberStatus.Pending, (Guid?)device, model), (member.Status, member.DeviceId, member.SkillModelId));
        var repairAt = member.EventAt!.Value;
        Assert.Equal(repairAt.AddDays(3), member.NextAttemptAt);
        Assert.Equal(HttpStatusCode.NoContent, (await expert.PostAsync("/api/outreach/next", null)).StatusCode);

        App.Clock!.Advance(TimeSpan.FromDays(3));
        var noviceClient = await App.CreateClientForAsync(novice.Email, novice.Password);
        expert = await App.CreateClientForAsync(expertUser.Email, expertUser.Password);

        // Due now: not for the agent who does not know this meter (story 6: someone who can answer).
        Assert.Equal(HttpStatusCode.NoContent, (await noviceClient.PostAsync("/api/outreach/next", null)).StatusCode);
        var offer = await (await expert.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal((person, rule), (offer.PersonId, offer.CampaignId));

        var script = await (await expert.GetAsync($"/api/outreach/attempts/{offer.AttemptId}")).ReadAsync<GetOutreachScript.View>();
        Assert.NotNull(script.FollowUp);
        Assert.Equal(("repair", (DateTimeOffset?)repairAt, (Guid?)null), (script.FollowUp.Trigger, script.FollowUp.EventAt, script.FollowUp.CaseId));
        Assert.Contains("Outreach Test Meter", script.FollowUp.Device);
        Assert.Equal(device, repaired.Id);
    }
}
