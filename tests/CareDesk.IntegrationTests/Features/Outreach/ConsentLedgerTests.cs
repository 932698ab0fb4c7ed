using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Issue 14, F19: the consent ledger keeps every grant and withdrawal with its exact wording; do not contact; bad input.</summary>
public sealed class ConsentLedgerTests(OutreachHost app) : IClassFixture<OutreachHost>
{
    [Fact]
    public async Task Grants_and_withdrawals_are_appended_with_their_wording_and_the_newest_is_in_force()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李秀英", PeopleTestKit.NewMobile()));
        var texts = await (await agent.GetAsync("/api/consent-texts")).ReadAsync<ConsentTexts.View[]>();
        var survey = texts.Single(t => t.Purpose == "survey");

        var granted = await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/consents", new { purpose = "survey", channel = "sms", granted = true, consentTextId = survey.Id, language = "zh-CN", method = "paper", source = "服务单 A-1024" }))
            .ReadAsync<ConsentEntryView>(HttpStatusCode.Created);
        Assert.Equal(survey.TextZh, granted.Wording);
        var withdrawn = await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/consents", new { purpose = "survey", channel = "sms", granted = false, wording = "I no longer want text messages.", method = "web-form" }))
            .ReadAsync<ConsentEntryView>(HttpStatusCode.Created);

        var ledger = await (await agent.GetAsync($"/api/people/{person.Id}/consents")).ReadAsync<ConsentLedger.View>();
        Assert.Equal([withdrawn.Id, granted.Id], ledger.Entries.Select(e => e.Id));
        Assert.Equal([survey.TextZh, "I no longer want text messages."], ledger.Entries.Select(e => e.Wording).Reverse());
        var state = Assert.Single(ledger.InForce);
        Assert.Equal(("survey", "sms", false, withdrawn.Id), (state.Purpose, state.Channel, state.Granted, state.EntryId));
        Assert.Equal("服务单 A-1024", ledger.Entries[1].Source);
    }

    [Fact]
    public async Task A_new_wording_is_a_new_version_and_entries_keep_the_one_they_were_given_under()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith", PeopleTestKit.NewMobile()));
        var before = (await (await agent.GetAsync("/api/consent-texts")).ReadAsync<ConsentTexts.View[]>()).Single(t => t.Purpose == "research");
        var old = await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/consents", new { purpose = "research", channel = "email", granted = true, consentTextId = before.Id, language = "en", method = "web-form" }))
            .ReadAsync<ConsentEntryView>(HttpStatusCode.Created);

        var next = await (await quality.PostAsJsonAsync("/api/consent-texts", new { purpose = "research", textZh = "新的研究同意文本。", textEn = "New research wording." }))
            .ReadAsync<ConsentTexts.View>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync("/api/consent-texts", new { purpose = "research", textZh = "x", textEn = "y" })).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before.Version + 1, next.Version);
        var ledger = await (await agent.GetAsync($"/api/people/{person.Id}/consents")).ReadAsync<ConsentLedger.View>();
        Assert.Equal((before.TextEn, before.Id), (ledger.Entries.Single(e => e.Id == old.Id).Wording, ledger.Entries.Single(e => e.Id == old.Id).ConsentTextId!.Value));
    }

    [Theory]
    [InlineData("""{"purpose":"newsletter","channel":"phone","granted":true,"wording":"x","method":"paper","source":"s"}""", "purpose")]
    [InlineData("""{"purpose":"safety-notice","channel":"phone","granted":true,"wording":"x","method":"paper","source":"s"}""", "purpose")]
    [InlineData("""{"purpose":"survey","channel":"fax","granted":true,"wording":"x","method":"paper","source":"s"}""", "channel")]
    [InlineData("""{"purpose":"survey","channel":"phone","wording":"x","method":"paper","source":"s"}""", "granted")]
    [InlineData("""{"purpose":"survey","channel":"phone","granted":true,"wording":"x","method":"telepathy"}""", "method")]
    [InlineData("""{"purpose":"survey","channel":"phone","granted":true,"wording":"x","method":"call"}""", "contactId")]
    [InlineData("""{"purpose":"survey","channel":"phone","granted":true,"wording":"x","method":"import"}""", "source")]
    [InlineData("""{"purpose":"survey","channel":"phone","granted":true,"wording":"x","method":"call","contactId":"0190f0f0-0000-7000-8000-000000000001"}""", "contactId")]
    [InlineData("""{"purpose":"survey","channel":"phone","granted":true,"consentTextId":"0190f0f0-0000-7000-8000-000000000001","method":"web-form"}""", "consentTextId")]
    public async Task Bad_consents_are_a_400_naming_the_field_and_nothing_is_appended(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王芳", PeopleTestKit.NewMobile()));

        (await (await agent.PostRawAsync($"/api/people/{person.Id}/consents", json)).ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);

        Assert.Empty((await (await agent.GetAsync($"/api/people/{person.Id}/consents")).ReadAsync<ConsentLedger.View>()).Entries);
    }

    [Fact]
    public async Task A_field_rep_may_not_read_or_write_the_ledger_of_someone_elses_customer()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张伟", PeopleTestKit.NewMobile()));

        await (await rep.GetAsync($"/api/people/{person.Id}/consents")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/people/{person.Id}/do-not-contact", new { reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync($"/api/people/{Guid.NewGuid()}/consents")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Do_not_contact_is_set_and_lifted_as_entries_and_the_guard_refuses_all_but_safety_notices_meanwhile()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("赵敏", PeopleTestKit.NewMobile()));
        await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/consents", new { purpose = "service-follow-up", channel = "phone", granted = true, wording = "可以回访", method = "web-form" })).ReadAsync<ConsentEntryView>(HttpStatusCode.Created);
        Assert.True((await Guard(agent, person.Id, "service-follow-up")).Allowed);

        await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/do-not-contact", new { reason = "不要再打电话了", source = "person-page" })).ReadAsync<DoNotContactView>();

        var refused = await Guard(agent, person.Id, "service-follow-up");
        Assert.Equal((false, "do-not-contact"), (refused.Allowed, refused.Rule));
        Assert.Equal("do-not-contact", (await Guard(agent, person.Id, "promised-callback")).Rule);
        var safety = await Guard(agent, person.Id, "safety-notice");
        Assert.Equal((true, GuardDecision.LegalObligation), (safety.Allowed, safety.Basis));

        await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/do-not-contact", new { reason = "客户来电要求恢复回访", active = false })).ReadAsync<DoNotContactView>();
        var ledger = await (await agent.GetAsync($"/api/people/{person.Id}/consents")).ReadAsync<ConsentLedger.View>();
        Assert.False(ledger.DoNotContact);
        Assert.Equal([false, true], ledger.DoNotContactHistory.Select(e => e.Active));
        Assert.True((await Guard(agent, person.Id, "service-follow-up")).Allowed);
        (await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/do-not-contact", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reason");
    }

    [Fact]
    public async Task Quiet_hours_are_the_persons_own_a_New_Yorker_at_ten_at_night_waits_until_nine()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("John Miller", PeopleTestKit.NewMobile()));
        await app.WithDbAsync(async db =>
        {
            (await db.People.FindAsync(person.Id))!.TimeZone = "America/New_York";
            return await db.SaveChangesAsync();
        });

        // The host's clock: 03:00Z, 11:00 in Shanghai, 22:00 the evening before in New York (EST, UTC−5).
        var answer = await Guard(agent, person.Id, "safety-notice");

        Assert.Equal((false, "quiet-hours"), (answer.Allowed, answer.Rule));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), answer.Until);
    }

    private static async Task<GuardAnswer> Guard(HttpClient client, Guid person, string purpose) =>
        await (await client.GetAsync($"/api/outreach/guard?personId={person}&purpose={purpose}&channel=phone")).ReadAsync<GuardAnswer>();
}
