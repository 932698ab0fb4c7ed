using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Issue 14, F21/F22: campaigns from target rule to outcome, through the contact-fatigue guard.</summary>
public sealed class CampaignTests(OutreachHost app) : IClassFixture<OutreachHost>
{
    [Fact]
    public async Task The_call_list_says_who_was_left_out_and_why_and_an_agent_works_it_to_its_progress()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var callable = await app.SeedPeopleAsync(model, 3);
        var noConsent = await app.SeedPeopleAsync(model, 2, consent: false);
        var noNumber = await app.SeedPeopleAsync(model, 1, phone: false);
        var dnc = await app.SeedPeopleAsync(model, 1);
        await (await agent.PostAsJsonAsync($"/api/people/{dnc[0]}/do-not-contact", new { reason = "请不要再打来" })).ReadAsync<DoNotContactView>();
        var script = await FollowUpScriptAsync();

        var campaign = await (await supervisor.PostAsJsonAsync("/api/campaigns", new { name = "7 天回访", purpose = "service-follow-up", channel = "phone", target = new { productIds = new[] { model } }, maxAttempts = 2, questionnaireId = script }))
            .ReadAsync<CampaignView>(HttpStatusCode.Created);
        var report = await (await supervisor.PostAsync($"/api/campaigns/{campaign.Id}/build", null)).ReadAsync<BuildCallList.Report>();

        Assert.Equal((7, 3), (report.Selected, report.Eligible));
        Assert.Equal(new Dictionary<string, int> { ["no-consent"] = 2, ["no-valid-number"] = 1, ["do-not-contact"] = 1 }, report.Excluded);
        var excluded = await (await supervisor.GetAsync($"/api/campaigns/{campaign.Id}/members?status=excluded")).ReadAsync<CampaignMembers.Row[]>();
        Assert.Equal(noConsent.Concat(noNumber).Concat(dnc).Order(), excluded.Select(r => r.PersonId).Order());
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/outreach/next", null)).StatusCode);

        await (await supervisor.PostAsync($"/api/campaigns/{campaign.Id}/start", null)).ReadAsync<CampaignView>();
        var reached = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
            Assert.Contains(offer.PersonId, callable);
            Assert.StartsWith("+86139", offer.Number);
            Assert.Equal(GuardDecision.Consent, offer.Basis);
            await (await agent.PostAsync($"/api/outreach/attempts/{offer.AttemptId}/dial", null)).ReadAsync<ConfirmDial.Dial>();
            var outcome = i switch
            {
                0 => new { outcome = "reached", answers = (object)new Dictionary<string, object> { ["solved"] = true, ["satisfaction"] = 5, ["consent-follow-up"] = true } },
                1 => new { outcome = "reached", answers = (object)new Dictionary<string, object> { ["solved"] = false, ["satisfaction"] = 2, ["comment"] = "试纸还是不够用", ["consent-follow-up"] = false } },
                _ => new { outcome = "no-answer", answers = (object)new Dictionary<string, object>() },
            };
            await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", outcome)).ReadAsync<OutreachAttemptView>();
            reached.Add(offer.PersonId);
        }

        Assert.Equal(3, reached.Distinct().Count());
        // The unanswered one waits for the retry spacing; everyone else is done.
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/outreach/next", null)).StatusCode);

        var progress = await (await supervisor.GetAsync($"/api/campaigns/{campaign.Id}/progress")).ReadAsync<CampaignProgress.View>();
        Assert.Equal((7, 3, 2, 2, 1), (progress.Listed, progress.OnList, progress.Reached, progress.Succeeded, progress.Pending));
        Assert.Equal(0.6667, progress.ReachRate);
        Assert.Equal(1.0, progress.AttemptsPerReached);
        var satisfaction = progress.Answers.Single(a => a.Key == "satisfaction");
        Assert.Equal((2, 3.5m, 2m, 5m), (satisfaction.Answered, satisfaction.Mean!.Value, satisfaction.Min!.Value, satisfaction.Max!.Value));
        Assert.Equal(new Dictionary<string, int> { ["yes"] = 1, ["no"] = 1 }, progress.Answers.Single(a => a.Key == "solved").Counts);

        // The consent question went to the ledger with the wording read out and this call as its contact.
        var said = await (await agent.GetAsync($"/api/people/{reached[1]}/consents")).ReadAsync<ConsentLedger.View>();
        var entry = said.Entries[0];
        Assert.Equal(("service-follow-up", "phone", false, "call"), (entry.Purpose, entry.Channel, entry.Granted, entry.Method));
        Assert.NotNull(entry.ContactId);
        Assert.Contains("回访", entry.Wording);
    }

    [Fact]
    public async Task A_person_reached_by_one_campaign_is_held_back_by_the_cooldown_in_every_other()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var person = (await app.SeedPeopleAsync(model, 1, purposes: [OutreachPurpose.ServiceFollowUp, OutreachPurpose.Survey]))[0];
        var first = await StartAsync(supervisor, model, "service-follow-up");
        var second = await StartAsync(supervisor, model, "survey");

        var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal(person, offer.PersonId);
        await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached" })).ReadAsync<OutreachAttemptView>();

        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/outreach/next", null)).StatusCode);
        var other = offer.CampaignId == first ? second : first;
        var member = await app.WithDbAsync(db => db.CampaignMembers.SingleAsync(m => m.CampaignId == other && m.PersonId == person));
        Assert.Equal(("cooldown", OutreachHost.Start.AddHours(24)), (member.HeldBy, member.NextAttemptAt));

        // A supervisor may let the next try through, with a reason; the guard's other rules still hold.
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/campaigns/{other}/members/{person}/override", new { reason = "客户要求今天回电" })).StatusCode);
        var overridden = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal((person, other), (overridden.PersonId, overridden.CampaignId));
    }

    [Fact]
    public async Task Do_not_contact_while_a_claim_is_held_withdraws_it_before_the_dial_and_its_outcome()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var expert = await app.CreateClientForRoleAsync(Roles.Expert);
        var model = await app.NewModelAsync();
        var person = (await app.SeedPeopleAsync(model, 1))[0];
        await StartAsync(supervisor, model, "service-follow-up");
        var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();

        // Meanwhile the person calls in and asks to be left alone; another colleague records it.
        await (await expert.PostAsJsonAsync($"/api/people/{person}/do-not-contact", new { reason = "来电要求删除，不要再联系", source = "inbound" })).ReadAsync<DoNotContactView>();

        await (await agent.PostAsync($"/api/outreach/attempts/{offer.AttemptId}/dial", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached" })).ProblemAsync(HttpStatusCode.Conflict);
        var attempt = await app.WithDbAsync(db => db.OutreachAttempts.SingleAsync(a => a.Id == offer.AttemptId));
        Assert.Equal((OutreachOutcome.Withdrawn, (DateTimeOffset?)null, (Guid?)null), (attempt.Outcome, attempt.DialedAt, attempt.ContactId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.PersonId == person)));
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/outreach/next", null)).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_consent_takes_the_person_off_every_running_list_of_that_purpose_and_channel()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var person = (await app.SeedPeopleAsync(model, 1, purposes: [OutreachPurpose.Marketing, OutreachPurpose.Survey]))[0];
        var spring = await StartAsync(supervisor, model, "marketing");
        var autumn = await StartAsync(supervisor, model, "marketing");
        var survey = await StartAsync(supervisor, model, "survey");

        await (await agent.PostAsJsonAsync($"/api/people/{person}/consents", new { purpose = "marketing", channel = "phone", granted = false, wording = "不要再给我推销了", method = "web-form" }))
            .ReadAsync<ConsentEntryView>(HttpStatusCode.Created);

        var lists = await app.WithDbAsync(db => db.CampaignMembers.Where(m => m.PersonId == person).ToDictionaryAsync(m => m.CampaignId));
        Assert.Equal((MemberStatus.Excluded, "no-consent"), (lists[spring].Status, lists[spring].Exclusion));
        Assert.Equal((MemberStatus.Excluded, "no-consent"), (lists[autumn].Status, lists[autumn].Exclusion));
        Assert.Equal(MemberStatus.Pending, lists[survey].Status);
        var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal(survey, offer.CampaignId);
    }

    [Fact]
    public async Task Which_meter_do_you_use_now_writes_the_answer_back_into_the_persons_devices()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var (oldModel, newModel) = (await app.NewModelAsync(), await app.NewModelAsync());
        var person = (await app.SeedPeopleAsync(oldModel, 1))[0];
        var questionnaire = await (await supervisor.PostAsJsonAsync("/api/questionnaires", new
        {
            key = $"meter-{Guid.NewGuid():N}"[..20],
            title = "现在用哪台血糖仪",
            questions = new object[] { new { key = "meter", textZh = "您现在用的是哪一台血糖仪？", textEn = "Which meter do you use now?", type = "choice", options = new[] { oldModel, newModel }, required = true, mapsTo = "device-model" } },
        })).ReadAsync<QuestionnaireView>(HttpStatusCode.Created);
        var campaign = await StartAsync(supervisor, oldModel, "service-follow-up", questionnaire.Id);
        var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();

        (await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new { meter = 3 } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.meter");
        (await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new { meter = "accu-chek" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.meter");
        (await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new { colour = "red" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.colour");
        (await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("answers.meter");
        (await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "hung-up" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("outcome");
        await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new { meter = newModel } })).ReadAsync<OutreachAttemptView>();

        var devices = await app.WithDbAsync(db => db.Devices.Where(d => d.PersonId == person).Select(d => new { d.ModelId, d.Status }).ToListAsync());
        Assert.Equal(2, devices.Count);
        Assert.Contains(devices, d => d.ModelId == oldModel && d.Status == CareDesk.Features.Devices.DeviceStatus.Replaced);
        Assert.Contains(devices, d => d.ModelId == newModel && d.Status == CareDesk.Features.Devices.DeviceStatus.InUse);
        Assert.NotEqual(Guid.Empty, campaign);
        // The meter named on the call is what the person was just asked about: no "new registration" follow-up for it.
        Assert.False(await app.WithDbAsync(db => db.FollowUpEvents.AnyAsync(e => e.PersonId == person)));
    }

    [Theory]
    [InlineData("""{"name":"x","purpose":"newsletter","channel":"phone","target":{"productIds":["MODEL"]}}""", "purpose")]
    [InlineData("""{"name":"x","purpose":"safety-notice","channel":"phone","target":{"productIds":["MODEL"]}}""", "purpose")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"pigeon","target":{"productIds":["MODEL"]}}""", "channel")]
    [InlineData("""{"name":" ","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"]}}""", "name")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["no-such-model"]}}""", "target.productIds")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"],"purchasedFrom":"2026-06-01","purchasedTo":"2026-01-01"}}""", "target.purchasedTo")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"],"regions":["火星"]}}""", "target")]
    [InlineData("""{"name":"x","purpose":"marketing","channel":"phone","target":{"productIds":["MODEL"]}}""", "target")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"]},"maxAttempts":0}""", "maxAttempts")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"]},"bestFrom":"10:00:00"}""", "bestTo")]
    [InlineData("""{"name":"x","purpose":"survey","channel":"phone","target":{"productIds":["MODEL"]},"questionnaireId":"0190f0f0-0000-7000-8000-000000000001"}""", "questionnaireId")]
    public async Task Bad_campaigns_are_a_400_naming_the_field(string json, string field)
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var model = await app.NewModelAsync();
        await app.SeedPeopleAsync(model, 2, purposes: OutreachPurpose.Survey);

        var response = await supervisor.PostRawAsync("/api/campaigns", json.Replace("MODEL", model, StringComparison.Ordinal));

        (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);
    }

    [Fact]
    public async Task The_export_records_who_received_the_list_in_each_persons_disclosure_ledger()
    {
        await app.EndRunningCampaignsAsync();
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var people = await app.SeedPeopleAsync(model, 2);
        var campaign = await StartAsync(supervisor, model, "service-follow-up");

        var csv = await supervisor.GetAsync($"/api/campaigns/{campaign}/export?format=csv&recipient=华东呼叫外包公司&recipientKind=call-center-vendor");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("外呼测试", text);
        var xlsx = await supervisor.GetAsync($"/api/campaigns/{campaign}/export?format=xlsx");
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        await (await agent.GetAsync($"/api/campaigns/{campaign}/export")).ProblemAsync(HttpStatusCode.Forbidden);

        var ledger = await (await agent.GetAsync($"/api/people/{people[0]}/consents")).ReadAsync<ConsentLedger.View>();
        var shared = Assert.Single(ledger.Disclosures);
        Assert.Equal(("华东呼叫外包公司", "call-center-vendor", "campaign-export"), (shared.Recipient, shared.RecipientKind, shared.SharedBy));
        Assert.Contains("phone", shared.Data);
    }

    private async Task<Guid> FollowUpScriptAsync() =>
        await app.WithDbAsync(db => db.Questionnaires.Where(q => q.Key == "service-follow-up").Select(q => q.Id).SingleAsync());

    private static async Task<Guid> StartAsync(HttpClient supervisor, string model, string purpose, Guid? questionnaireId = null)
    {
        var campaign = await (await supervisor.PostAsJsonAsync("/api/campaigns", new { name = $"{purpose} {model}", purpose, channel = "phone", target = new { productIds = new[] { model } }, questionnaireId }))
            .ReadAsync<CampaignView>(HttpStatusCode.Created);
        await (await supervisor.PostAsync($"/api/campaigns/{campaign.Id}/start", null)).ReadAsync<CampaignView>();
        return campaign.Id;
    }
}
