using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.RedFlags;
using CareDesk.Features.Contacts;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>
/// F15 clinical red flags at intake: a "yes" is an urgent medical escalation through the chain at once, with what to
/// tell the caller now; every answer keeps its question, who and when. Each test has a host of its own: the roster
/// and the scripts are the whole installation's.
/// </summary>
public sealed class RedFlagTests : HostPerTest<EscalationHost>
{
    [Fact]
    public async Task A_yes_makes_the_case_urgent_alerts_the_on_call_expert_with_the_red_flag_and_gives_the_agent_the_script_in_their_language()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var expert = await App.CreateClientForRoleAsync(Roles.Expert);
        var expertId = await expert.MyIdAsync();
        await RosterAsync(expertId);
        var (opened, contact) = await OpenWithContactAsync(agent);
        var now = App.Clock!.GetUtcNow();

        var recorded = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/red-flags", new
        {
            answers = new Dictionary<string, string> { ["emergencyVisitOrHospitalStay"] = "yes", ["injury"] = "no", ["death"] = "unknown" },
            contactId = contact.Id,
        })).ReadAsync<RecordRedFlags.Recorded>();

        Assert.Equal("urgent", recorded.Priority);
        var escalation = recorded.Escalation!;
        Assert.Equal(("alerting", expertId, true), (escalation.Status, escalation.Alerted!.Id, escalation.Started));
        Assert.Equal(now.AddMinutes(10), escalation.AcknowledgeBy);
        Assert.Equal(["emergencyVisitOrHospitalStay"], escalation.RedFlags);
        // The demo agent works in Chinese: the question was asked, and the script is read, in Chinese.
        var script = Assert.Single(recorded.Scripts);
        Assert.Equal("emergencyVisitOrHospitalStay", script.Flag);
        Assert.Contains("急救电话", script.Text, StringComparison.Ordinal);
        Assert.Equal(["injury", "emergencyVisitOrHospitalStay", "death"], recorded.Answers.Select(a => a.Flag));
        var agentId = await agent.MyIdAsync();
        Assert.All(recorded.Answers, a => Assert.Equal((agentId, now, contact.Id, "zh-CN"), (a.AnsweredBy.Id, a.AnsweredAt, a.ContactId, a.Language)));
        Assert.Equal("患者是否去过急诊或住院？", recorded.Answers.Single(a => a.Flag == "emergencyVisitOrHospitalStay").Question);
        Assert.Equal(escalation.Id, recorded.Answers.Single(a => a.Value == "yes").EscalationId);
        Assert.All(recorded.Answers.Where(a => a.Value != "yes"), a => Assert.Null(a.EscalationId));

        // The escalation is the chain's own: paged, on the expert's work list and case page, saying it is a red flag.
        var @case = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal("urgent", @case.Priority);
        var shown = Assert.Single(@case.Escalations);
        Assert.Equal((escalation.Id, expertId), (shown.Id, shown.Alerted!.Id));
        Assert.Equal(["emergencyVisitOrHospitalStay"], shown.RedFlags);
        Assert.Contains(@case.Timeline, e => e.Kind == "escalated" && e.To!.Id == expertId);
        Assert.Contains(@case.Timeline, e => e.Kind == "red-flags-screened" && e.Text == "injury:no,emergencyVisitOrHospitalStay:yes,death:unknown");
        Assert.True(await App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Type == EscalationAlerts.PagingMessageType
            && m.Payload.Contains(escalation.Id.ToString()) && m.Payload.Contains(expertId) && m.Payload.Contains("emergencyVisitOrHospitalStay"))));
        var work = await (await expert.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>();
        Assert.Equal(["emergencyVisitOrHospitalStay"], Assert.Single(work.Escalations, e => e.EscalationId == escalation.Id).RedFlags);
        // Stored and audited under the agent's name.
        Assert.Equal(3, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(RedFlagAnswer) && e.ActorId == agentId && e.Action == "created")));

        // The expert answers it as any escalation.
        var acknowledged = await (await expert.PostAsync($"/api/escalations/{escalation.Id}/acknowledge", null)).ReadAsync<GetCase.View>();
        Assert.Equal((expertId, "acknowledged"), (acknowledged.Owner.Id, acknowledged.Escalations[0].Status));
    }

    [Fact]
    public async Task The_escalation_email_and_page_name_the_red_flags_in_the_experts_language()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var expert = await App.CreateClientForRoleAsync(Roles.Expert);
        var expertId = await expert.MyIdAsync();
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == expertId);
            (user.Language, user.TimeZone, user.Email) = ("zh-CN", "Asia/Shanghai", "expert-on-call@care.test");
            return await db.SaveChangesAsync();
        });
        await RosterAsync(expertId);
        var (opened, _) = await OpenWithContactAsync(agent);

        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/red-flags", new
        {
            answers = new Dictionary<string, string> { ["lossOfConsciousness"] = "yes", ["emergencyVisitOrHospitalStay"] = "yes" },
        })).ReadAsync<RecordRedFlags.Recorded>();

        var page = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type == EscalationAlerts.PagingMessageType && m.Payload.Contains(expertId) && m.Payload.Contains(opened.Id.ToString()))
            .Select(m => m.Payload).SingleAsync());
        using (var json = System.Text.Json.JsonDocument.Parse(page))
        {
            Assert.Equal("危险信号：意识丧失、急诊或住院", json.RootElement.GetProperty("redFlagText").GetString());
        }

        var mail = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type == EscalationEmail.MessageType && m.Payload.Contains("expert-on-call@care.test") && m.Payload.Contains(opened.Id.ToString()))
            .Select(m => m.Payload).SingleAsync());
        var notice = System.Text.Json.JsonSerializer.Deserialize<EscalationEmail.Notice>(mail, System.Text.Json.JsonSerializerOptions.Web)!;
        await using var scope = App.Services.CreateAsyncScope();
        var email = scope.ServiceProvider.GetServices<CareDesk.Platform.Outbox.IOutboxHandler>().OfType<EscalationEmail>().Single();
        var composed = email.Compose(notice, new CareDesk.Platform.Mail.MailOptions { AppBaseUrl = new Uri("https://caredesk.care.test/") });
        Assert.Contains("危险信号：意识丧失、急诊或住院", composed.TextBody, StringComparison.Ordinal);

        // An English expert reads the same flags in English.
        var english = email.Compose(notice with { Language = "en" }, new CareDesk.Platform.Mail.MailOptions { AppBaseUrl = new Uri("https://caredesk.care.test/") });
        Assert.Contains("Red flag: ", english.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("危险信号", english.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_and_unknown_are_recorded_and_escalate_nothing()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        await RosterAsync(await App.WithDbAsync(db => db.Users.Where(u => u.Email == TestUsers.DemoEmail(Roles.Expert)).Select(u => u.Id).SingleAsync()));
        var (opened, _) = await OpenWithContactAsync(await App.CreateClientForRoleAsync(Roles.Agent));

        var recorded = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/red-flags", new
        {
            answers = new Dictionary<string, string> { ["hypoglycemia"] = "no", ["lossOfConsciousness"] = "unknown" },
        })).ReadAsync<RecordRedFlags.Recorded>();

        Assert.Null(recorded.Escalation);
        Assert.Empty(recorded.Scripts);
        Assert.Equal("normal", recorded.Priority);
        // The outsourced agent works in English: so were the questions.
        Assert.Equal("Has the patient fainted or lost consciousness?", recorded.Answers.Single(a => a.Flag == "lossOfConsciousness").Question);
        Assert.Equal(await agent.MyIdAsync(), recorded.Answers[0].AnsweredBy.Id);
        Assert.False(await App.WithDbAsync(db => db.Escalations.AnyAsync(e => e.CaseId == opened.Id)));
        var read = await (await agent.GetAsync($"/api/cases/{opened.Id}/red-flags")).ReadAsync<GetRedFlags.View>();
        Assert.Equal(6, read.Questions.Count);
        Assert.Equal(["no", "unknown"], read.Answers.OrderBy(a => RedFlags.Order(a.Flag)).Select(a => a.Value));
    }

    [Fact]
    public async Task A_yes_on_a_case_already_escalated_makes_that_escalation_medical_instead_of_starting_another()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var expertId = await (await App.CreateClientForRoleAsync(Roles.Expert)).MyIdAsync();
        await RosterAsync(expertId);
        var (opened, _) = await OpenWithContactAsync(agent);
        var first = (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Sensor keeps failing." })).ReadAsync<GetCase.View>(HttpStatusCode.Created)).Escalations[0];

        var recorded = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/red-flags", new { answers = new Dictionary<string, string> { ["hypoglycemia"] = "yes" } }))
            .ReadAsync<RecordRedFlags.Recorded>();

        Assert.Equal((first.Id, false), (recorded.Escalation!.Id, recorded.Escalation.Started));
        Assert.Equal(["hypoglycemia"], recorded.Escalation.RedFlags);
        Assert.Equal(1, await App.WithDbAsync(db => db.Escalations.CountAsync(e => e.CaseId == opened.Id)));
        Assert.Equal("urgent", recorded.Priority);
        Assert.Single(recorded.Scripts);
    }

    [Fact]
    public async Task Bad_answers_are_400s_naming_the_field_and_store_nothing()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var (opened, _) = await OpenWithContactAsync(agent);
        var other = await (await agent.PostAsJsonAsync("/api/contacts", new { channel = "phone", direction = "inbound" })).ReadAsync<ContactView>(HttpStatusCode.Created);
        var url = $"/api/cases/{opened.Id}/red-flags";

        (await (await agent.PostAsJsonAsync(url, new { answers = new Dictionary<string, string> { ["fever"] = "yes" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.fever");
        (await (await agent.PostAsJsonAsync(url, new { answers = new Dictionary<string, string> { ["injury"] = "maybe" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.injury");
        (await (await agent.PostAsJsonAsync(url, new { answers = new Dictionary<string, string>() })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers");
        (await (await agent.PostAsJsonAsync(url, new { })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers");
        (await (await agent.PostAsJsonAsync(url, new { answers = new Dictionary<string, string> { ["death"] = "yes" }, contactId = other.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("contactId");
        await (await agent.PostAsJsonAsync($"/api/cases/{Guid.CreateVersion7()}/red-flags", new { answers = new Dictionary<string, string> { ["death"] = "yes" } })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.False(await App.WithDbAsync(db => db.Set<RedFlagAnswer>().AnyAsync(a => a.CaseId == opened.Id)));
        Assert.False(await App.WithDbAsync(db => db.Escalations.AnyAsync(e => e.CaseId == opened.Id)));
        Assert.Equal("normal", (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Priority);
    }

    [Fact]
    public async Task A_field_rep_records_red_flags_for_their_own_customers_only()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var rep = await App.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var theirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", fieldRep: repId));
        var notTheirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var visible = await OpenAsync(agent, theirs.Id);
        var hidden = await OpenAsync(agent, notTheirs.Id);
        var answers = new { answers = new Dictionary<string, string> { ["injury"] = "no" } };

        await (await rep.PostAsJsonAsync($"/api/cases/{hidden.Id}/red-flags", answers)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/cases/{hidden.Id}/red-flags")).ProblemAsync(HttpStatusCode.Forbidden);
        var recorded = await (await rep.PostAsJsonAsync($"/api/cases/{visible.Id}/red-flags", answers)).ReadAsync<RecordRedFlags.Recorded>();

        Assert.Equal(repId, Assert.Single(recorded.Answers).AnsweredBy.Id);
        Assert.False(await App.WithDbAsync(db => db.Set<RedFlagAnswer>().AnyAsync(a => a.CaseId == hidden.Id)));
    }

    [Fact]
    public async Task Admins_rewrite_the_scripts_and_agents_read_the_new_text_at_the_next_yes()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var admin = await App.CreateClientForRoleAsync(Roles.Admin);
        var defaults = await (await agent.GetAsync("/api/red-flags/scripts")).ReadAsync<RedFlagScripts.Overview>();
        Assert.Equal(RedFlags.All, defaults.Scripts.Select(s => s.Flag));
        Assert.All(defaults.Scripts, s => Assert.False(s.Customized));
        Assert.All(defaults.Scripts, s => Assert.False(string.IsNullOrWhiteSpace(s.English) || string.IsNullOrWhiteSpace(s.Chinese), s.Flag));
        Assert.Contains("local emergency number", defaults.Scripts.Single(s => s.Flag == "lossOfConsciousness").English, StringComparison.Ordinal);
        var rewritten = new { flag = "injury", english = "Call 999 now, then keep the device.", chinese = "请立即拨打999，并保留设备。" };

        await (await agent.PutAsJsonAsync("/api/red-flags/scripts", new { scripts = new[] { rewritten } })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await admin.PutAsJsonAsync("/api/red-flags/scripts", new { scripts = new[] { new { flag = "fever", english = "x", chinese = "x" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("scripts[0].flag");
        (await (await admin.PutAsJsonAsync("/api/red-flags/scripts", new { scripts = new[] { rewritten, rewritten with { chinese = " " } } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("scripts[1].chinese");
        var saved = await (await admin.PutAsJsonAsync("/api/red-flags/scripts", new { scripts = new[] { rewritten } })).ReadAsync<RedFlagScripts.Overview>();

        var injury = saved.Scripts.Single(s => s.Flag == "injury");
        Assert.Equal((true, rewritten.english, rewritten.chinese, await admin.MyIdAsync()), (injury.Customized, injury.English, injury.Chinese, injury.UpdatedBy));
        Assert.All(saved.Scripts.Where(s => s.Flag != "injury"), s => Assert.False(s.Customized));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RedFlagScript) && e.EntityId == "injury")));
        var (opened, _) = await OpenWithContactAsync(await App.CreateClientForRoleAsync(Roles.Agent));
        var recorded = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/red-flags", new { answers = new Dictionary<string, string> { ["injury"] = "yes" } }))
            .ReadAsync<RecordRedFlags.Recorded>();
        Assert.Equal(rewritten.english, Assert.Single(recorded.Scripts).Text);
    }

    private async Task<(GetCase.View Case, ContactView Contact)> OpenWithContactAsync(HttpClient agent)
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await OpenAsync(agent, person.Id);
        var contact = await (await agent.PostAsJsonAsync("/api/contacts", new
        {
            personId = person.Id,
            channel = "phone",
            direction = "inbound",
            startedAt = App.Clock!.GetUtcNow().AddMinutes(-5),
            caseId = opened.Id,
            deviceProblemAlleged = "yes",
        })).ReadAsync<ContactView>(HttpStatusCode.Created);
        return (opened, contact);
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "technical-support", subject = "CGM did not alarm at night" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

    private Task<int> RosterAsync(string expertId) =>
        App.WithDbAsync(async db =>
        {
            var now = App.Clock!.GetUtcNow();
            db.OnCallShifts.Add(new OnCallShift { TeamId = TeamSeeder.Experts, StartsAt = now.AddHours(-1), EndsAt = now.AddHours(11), PrimaryUserId = expertId });
            return await db.SaveChangesAsync();
        });
}
