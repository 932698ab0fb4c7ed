using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Devices;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>
/// Issue 14, F20: follow-ups from events of a person's own devices and cases — each rule's offset, purpose, script and
/// skill; the context on screen; one follow-up per person and rule; promises made on a case.
/// </summary>
public sealed class FollowUpTests(OutreachHost app) : IClassFixture<OutreachHost>
{
    [Fact]
    public async Task One_follow_up_per_person_and_rule_a_newer_event_moves_it_and_an_old_purchase_makes_none()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var person = (await app.SeedPeopleAsync(model, 1))[0];
        var registration = await supervisor.StartRuleAsync(new { name = "登记后 7 天", trigger = "registration", offsetDays = 7, purpose = "service-follow-up", channel = "phone" });
        var purchase = await supervisor.StartRuleAsync(new { name = "购买后 7 天", trigger = "purchase", offsetDays = 7, purpose = "service-follow-up", channel = "phone" });

        // Registered today, bought two years ago: the registration is followed up; a purchase follow-up would be late by years.
        var registered = await (await agent.PostAsJsonAsync($"/api/people/{person}/devices", new { modelId = model, purchaseDate = "2024-11-20" })).ReadAsync<DeviceView>(HttpStatusCode.Created);
        await app.ScheduleFollowUpsAsync();
        var events = await app.WithDbAsync(db => db.FollowUpEvents.Where(e => e.DeviceId == registered.Id).ToDictionaryAsync(e => e.Kind, e => e.Result));
        Assert.Equal(FollowUpEvent.Scheduled, events[FollowUpTrigger.Registration]);
        Assert.Equal(FollowUpEvent.Stale, events[FollowUpTrigger.Purchase]);
        Assert.False(await app.WithDbAsync(db => db.CampaignMembers.AnyAsync(m => m.CampaignId == purchase)));

        // A second device registered before anyone called: still one follow-up, now about the newer device.
        var second = await (await agent.PostAsJsonAsync($"/api/people/{person}/devices", new { modelId = model })).ReadAsync<DeviceView>(HttpStatusCode.Created);
        await app.ScheduleFollowUpsAsync();
        var member = Assert.Single(await app.WithDbAsync(db => db.CampaignMembers.Where(m => m.CampaignId == registration).ToListAsync()));
        Assert.Equal(((Guid?)second.Id, OutreachHost.Start.AddDays(7)), (member.DeviceId, member.NextAttemptAt));
        Assert.Equal(FollowUpEvent.Moved, await app.WithDbAsync(db => db.FollowUpEvents.Where(e => e.DeviceId == second.Id).Select(e => e.Result).SingleAsync()));
        await app.EndRunningCampaignsAsync();
    }

    [Fact]
    public async Task A_resolved_complaint_and_a_promise_on_its_case_are_followed_up_and_the_case_shows_both_with_the_guard()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var person = (await app.SeedPeopleAsync(model, 1))[0];
        var complaints = await supervisor.StartRuleAsync(new { name = "投诉解决后三个月", trigger = "complaint-resolved", offsetDays = 90, purpose = "service-follow-up", channel = "phone" });
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person, type = "complaint", subject = "血糖仪读数偏高" })).ReadAsync<GetCase.View>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved", resolution = "更换试纸批次后读数正常" })).ReadAsync<GetCase.View>();
        await app.ScheduleFollowUpsAsync();

        // "We call you back in three months": promised on the case, with a note for whoever calls.
        var due = OutreachHost.Start.AddMonths(3);
        _ = (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/follow-ups", new { dueAt = OutreachHost.Start.AddHours(-1) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("dueAt");
        _ = (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/follow-ups", new { note = "无日期" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("dueAt");
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/follow-ups", new { dueAt = due, note = "三个月后确认新批次试纸" })).ReadAsync<Guid>(HttpStatusCode.Created);

        var rows = await (await agent.GetAsync($"/api/cases/{opened.Id}/follow-ups")).ReadAsync<CaseFollowUps.Row[]>();
        Assert.Equal(2, rows.Length);
        var promised = rows.Single(r => r.Trigger == "case-promise");
        Assert.Equal((due, "pending", "三个月后确认新批次试纸"), (promised.DueAt, promised.Status, promised.Note));
        Assert.True(promised.Guard!.Allowed);
        Assert.Equal(GuardDecision.PersonsRequest, promised.Guard.Basis);
        var resolved = rows.Single(r => r.CampaignId == complaints);
        Assert.Equal("complaint-resolved", resolved.Trigger);
        var timeline = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Contains(timeline.Timeline, e => e.Kind == "follow-up-promised" && e.Text == "三个月后确认新批次试纸");

        // Do not contact afterwards: the promise is held by it (a promised callback does not pass do-not-contact).
        await (await agent.PostAsJsonAsync($"/api/people/{person}/do-not-contact", new { reason = "不要再联系" })).ReadAsync<DoNotContactView>();
        rows = await (await agent.GetAsync($"/api/cases/{opened.Id}/follow-ups")).ReadAsync<CaseFollowUps.Row[]>();
        Assert.All(rows.Where(r => r.Guard is not null), r => Assert.Equal("do-not-contact", r.Guard!.Rule));
        await app.EndRunningCampaignsAsync();
    }

    [Fact]
    public async Task A_rule_is_refused_naming_the_field_and_has_no_list_to_build()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        _ = (await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", new { name = "x", trigger = "birthday", offsetDays = 7, purpose = "survey" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("trigger");
        _ = (await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", new { name = "x", trigger = "repair", purpose = "survey" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("offsetDays");
        _ = (await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", new { name = "x", trigger = "repair", offsetDays = 3, purpose = "spam" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("purpose");
        _ = (await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", new { name = "x", trigger = "repair", offsetDays = 3, purpose = "survey", productIds = new[] { "no-such-model" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("productIds");
        await (await agent.PostAsJsonAsync("/api/follow-up-rules", new { name = "x", trigger = "repair", offsetDays = 3, purpose = "survey" })).ProblemAsync(HttpStatusCode.Forbidden);

        var rule = await (await supervisor.PostAsJsonAsync("/api/follow-up-rules", new { name = "检测后三个月", trigger = "check", offsetDays = 90, purpose = "survey" })).ReadAsync<CampaignView>(HttpStatusCode.Created);
        Assert.Equal(("check", (int?)90, "draft"), (rule.Trigger, rule.OffsetDays, rule.Status));
        _ = (await (await supervisor.PostAsync($"/api/campaigns/{rule.Id}/build", null)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("trigger");
    }
}
