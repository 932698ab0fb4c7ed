using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Contacts;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>A host on a fixed clock (20 Dec 2026, 17:00 in Shanghai) that no test moves.</summary>
public sealed class ReportingHost : CareDeskFactory
{
    public ReportingHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
}

/// <summary>
/// F17 on stored complaints: the agent records the guided facts, later information re-decides, the decision and its
/// obligations are stored (history kept), quality works off the due list. Due dates below are counted by hand from
/// the texts (docs/regulatory.md), in the receiving site's zone (Asia/Shanghai, the demo agent's).
/// </summary>
public sealed class ComplaintReportingTests(ReportingHost app) : IClassFixture<ReportingHost>
{
    private const string Meter = "accu-chek-guide-meter"; // sold in the US, the EU (IVDR) and China (seeded profile)

    internal static async Task<GetComplaint.View> ComplaintAsync(CareDeskFactory host, HttpClient agent, DateTimeOffset awareness, string name = "王建国")
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson(name));
        var call = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", startedAt = awareness }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "血糖仪读数异常", contactId = call.Id }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        return await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { contactId = call.Id })).ReadAsync<GetComplaint.View>();
    }

    internal static async Task<GetReportability.View> RecordAsync(HttpClient client, GetComplaint.View complaint, string? country, object facts, string? state = null, string version = "")
    {
        var response = await client.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new
        {
            version = version == "" ? complaint.Version : version,
            productId = Meter,
            eventDate = DateOnly.FromDateTime(complaint.AwarenessAt.UtcDateTime.AddDays(-1)),
            eventCountry = country,
            euMemberState = state,
            facts,
        });
        return await response.ReadAsync<GetReportability.View>();
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static IEnumerable<(string Market, string Kind, string Due, string? Nominal, string Status)> Owed(GetReportability.View view) =>
        view.Obligations.Where(o => o.Status != "withdrawn").OrderBy(o => o.Market, StringComparer.Ordinal).ThenBy(o => o.Kind, StringComparer.Ordinal)
            .Select(o => (o.Market, o.Kind, o.Due, o.NominalDue, o.Provisional ? "provisional" : o.Status));

    [Fact]
    public async Task Scenario_1_a_chinese_death_owes_china_7_days_and_the_fda_30_days_and_nothing_in_the_eu()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        // 1 Dec 2026 (Tue) 10:00 in Shanghai: 女儿来电，父亲使用血糖仪后死亡。
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 1, 10));

        var view = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });

        // CN 7 days from 1 Dec: 8 Dec (Tue, a working day). US 803.50: 30 calendar days: 31 Dec. EU: outside the EEA.
        Assert.Equal(
            [("CN", "cn-individual", "2026-12-08", (string?)"2026-12-08", "open"), ("US", "us-mdr-30-day", "2026-12-31", null, "open")],
            Owed(view));
        Assert.Equal("no", view.Markets.Single(m => m.Market == "EU").Reportable);
        // The stored CN obligation is past its last day (the host's clock is 20 Dec): overdue at midnight 8/9 Dec in Shanghai.
        var cn = view.Obligations.Single(o => o.Market == "CN");
        Assert.True(cn.Overdue);
        Assert.Equal(Shanghai(2026, 12, 9, 0), cn.DueAt);
    }

    [Fact]
    public async Task Scenario_2_a_hospital_stay_in_germany_rolls_the_eu_10_days_past_christmas_and_the_us_clock_is_provisional()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        // 15 Dec 2026 (Tue) 10:00 in Shanghai; the event in Germany: the caller's mother was admitted to hospital.
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 15, 10), "Mary Smith");

        var view = await RecordAsync(agent, complaint, "DE", new { deviceInvolved = "yes", malfunction = "yes", injury = "yes", hospitalization = "yes" }, "DE");

        // EU Art. 87(5): 10 days → 25 Dec (Christmas, a holiday in DE), 26 Dec (holiday), 27 (Sun) → Mon 28 Dec.
        // CN: overseas possibly serious injury, 30 days → 14 Jan 2027 (Thu). US: seriousness open → 30 days, provisional.
        Assert.Equal(
            [("CN", "cn-individual", "2027-01-14", (string?)"2027-01-14", "open"), ("EU", "eu-serious-incident", "2026-12-28", "2026-12-25", "open"), ("US", "us-mdr-30-day", "2027-01-14", null, "provisional")],
            Owed(view));
        Assert.Equal("needs-investigation", view.Markets.Single(m => m.Market == "US").Reportable);
        // Completeness: whether the stay was life-threatening decides the US report, so the agent asks it now.
        Assert.Contains("lifeThreatening", view.Missing.Single(m => m.Market == "US").Ask);
        Assert.Empty(view.Missing.Single(m => m.Market == "EU").Fields);
    }

    [Fact]
    public async Task Scenario_3_a_correction_in_the_us_owes_the_5_work_day_report_over_thanksgiving_and_the_806_report()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        // 20 Nov 2026 (Fri) 10:00 in Shanghai; a US event; quality finds a recurrence would likely cause serious injury and a correction is needed.
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 11, 20, 10), "张医生");

        var view = await RecordAsync(quality, complaint, "US", new { deviceInvolved = "yes", malfunction = "yes", recurrenceLikelyToCauseDeathOrSeriousInjury = "yes", remedialActionNeeded = "yes" });

        // 803.53: 5 work days from Fri 20 Nov: 23, 24, 25, (26 Thanksgiving), 27, 30 Nov. 806.10: 10 work days: 7 Dec.
        // EU: an FSCA is reported before it is undertaken: the same day. CN: overseas, 30 days → 20 Dec (Sun) → 21 Dec;
        // the control measure abroad within 24 hours.
        Assert.Equal(
            [
                ("CN", "cn-individual", "2026-12-21", (string?)"2026-12-20", "open"),
                ("CN", "cn-overseas-control-measure", "2026-11-21T10:00:00+08:00", null, "open"),
                ("EU", "eu-fsca", "2026-11-20", null, "open"),
                ("US", "us-806-correction", "2026-12-07", null, "open"),
                ("US", "us-mdr-5-day", "2026-11-30", null, "open"),
            ],
            Owed(view));
    }

    [Fact]
    public async Task Scenario_4_a_group_event_in_china_owes_12_and_24_hours_and_the_7_day_investigation()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        // 4 Dec 2026 (Fri) 22:30 in Shanghai: a clinic reports three patients with wrong readings from one lot.
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 4, 22, 30), "李娜");

        var view = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", injury = "yes", groupEvent = "yes" });

        var cn = Owed(view).Where(o => o.Market == "CN").ToList();
        Assert.Equal(
            [
                ("CN", "cn-group-individual", "2026-12-05T22:30:00+08:00", (string?)null, "open"),
                ("CN", "cn-group-initial", "2026-12-05T10:30:00+08:00", null, "open"),
                ("CN", "cn-group-investigation", "2026-12-11", "2026-12-11", "open"),
            ],
            cn);
        Assert.Equal(Shanghai(2026, 12, 5, 10, 30), view.Obligations.Single(o => o.Kind == "cn-group-initial").DueAt);
    }

    [Fact]
    public async Task Scenario_5_later_information_adds_the_us_supplemental_from_its_receipt_and_keeps_the_first_decision_in_the_history()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        // 2 Nov 2026 (Mon) 09:00 in Shanghai: a death in China.
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 11, 2, 9), "王丽");
        var first = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });
        Assert.Single(first.History);

        // 16 Nov 15:00: the hospital's letter — the patient had been admitted before he died.
        var response = await agent.PostAsJsonAsync($"/api/complaints/{complaint.Id}/information", new
        {
            receivedAt = Shanghai(2026, 11, 16, 15),
            source = "医院来函",
            facts = new { hospitalization = "yes" },
            text = "患者去世前曾住院三天。",
        });
        var later = await response.ReadAsync<GetReportability.View>();

        // US 803.56: supplemental within 30 days of receipt: 16 Dec. The 30-day report stays (2 Dec); CN 7 days: 9 Nov.
        Assert.Equal(
            [("CN", "cn-individual", "2026-11-09", (string?)"2026-11-09", "open"), ("US", "us-mdr-30-day", "2026-12-02", null, "open"), ("US", "us-mdr-supplemental", "2026-12-16", null, "open")],
            Owed(later));
        Assert.Equal(2, later.History.Count);
        var information = Assert.Single(later.Information);
        Assert.Equal(("医院来函", "yes"), (information.Source, information.Facts["hospitalization"]));
        var agentId = await agent.MyIdAsync();
        Assert.Equal(agentId, information.RecordedBy);
    }

    [Fact]
    public async Task Facts_keep_who_answered_and_when_and_a_changed_answer_is_a_new_row()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 18, 9), "李小宝");
        var first = await RecordAsync(agent, complaint, "CN", new { malfunction = "suspected", injury = "unknown" });

        var second = await RecordAsync(quality, complaint, "CN", new { injury = "no", malfunction = "suspected" }, version: first.Version);

        var injury = second.Facts.Single(f => f.Name == "injury");
        Assert.Equal(("no", await quality.MyIdAsync()), (injury.Value, injury.AnsweredBy));
        Assert.Equal(("suspected", await agent.MyIdAsync()), second.Facts.Where(f => f.Name == "malfunction").Select(f => (f.Value, f.AnsweredBy)).Single());
        // Three rows: malfunction once (unchanged), injury twice (unknown, then no).
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<ComplaintFact>().CountAsync(f => f.ComplaintId == complaint.Id)));
        // A stale version is a conflict; nothing is stored.
        await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new { version = first.Version, facts = new { death = "yes" } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<ComplaintFact>().CountAsync(f => f.ComplaintId == complaint.Id)));
    }

    [Theory]
    [InlineData("death", "maybe", "facts.death")]
    [InlineData("injury", "suspected", "facts.injury")]
    [InlineData("sadness", "yes", "facts.sadness")]
    public async Task A_fact_outside_the_vocabulary_is_400_naming_the_fact(string fact, string value, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 18, 9));

        var problem = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new { version = complaint.Version, facts = new Dictionary<string, string> { [fact] = value } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors(field));
        (await (await agent.PostAsJsonAsync($"/api/complaints/{complaint.Id}/information", new { receivedAt = Shanghai(2026, 12, 19, 9), source = "x", facts = new Dictionary<string, string> { [fact] = value } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);
    }

    [Fact]
    public async Task Impossible_dates_are_400_naming_the_field_and_an_unknown_product_is_404_naming_productId()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 18, 9));
        var url = $"/api/complaints/{complaint.Id}/facts";

        // The host's today is 20 Dec in Shanghai; the maker heard of it on 18 Dec.
        (await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, eventDate = "2026-12-21" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("eventDate");
        (await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, eventDate = "2026-12-19" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("eventDate");
        (await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, eventCountry = "china" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("eventCountry");
        (await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, euMemberState = "CN" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("euMemberState");
        (await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, productId = "no-such-meter" })).ProblemAsync(HttpStatusCode.NotFound)).Errors("productId");
        var information = $"/api/complaints/{complaint.Id}/information";
        (await (await agent.PostAsJsonAsync(information, new { receivedAt = Shanghai(2026, 12, 21, 9), source = "x" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("receivedAt");
        (await (await agent.PostAsJsonAsync(information, new { receivedAt = Shanghai(2026, 12, 17, 9), source = "x" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("receivedAt");

        // The event on the day of the call is fine.
        var view = await (await agent.PutAsJsonAsync(url, new { version = complaint.Version, eventDate = "2026-12-18", productId = Meter })).ReadAsync<GetReportability.View>();
        Assert.Equal(new DateOnly(2026, 12, 18), view.Event.EventDate);
    }

    [Fact]
    public async Task Completeness_names_the_missing_fields_and_the_facts_that_would_change_each_markets_decision()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 19, 9));

        var view = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new { version = complaint.Version, facts = new { malfunction = "yes" } }))
            .ReadAsync<GetReportability.View>();

        var cn = view.Missing.Single(m => m.Market == "CN");
        Assert.Equal(["productId", "eventDate", "eventCountry"], cn.Fields);
        Assert.Contains("injury", cn.Ask);
        Assert.Contains("death", cn.Ask);
        Assert.Contains("recurrenceLikelyToCauseDeathOrSeriousInjury", cn.Assess);
        Assert.Contains("euMemberState", view.Missing.Single(m => m.Market == "EU").Fields);
    }

    [Fact]
    public async Task A_field_rep_records_nothing_on_another_reps_customer()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 18, 9));

        await (await rep.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new { version = complaint.Version, facts = new { death = "yes" } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/complaints/{complaint.Id}/information", new { receivedAt = Shanghai(2026, 12, 19, 9), source = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/complaints/{complaint.Id}/reportability")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintFact>().AnyAsync(f => f.ComplaintId == complaint.Id)));
    }

    [Fact]
    public async Task Quality_sees_the_due_list_by_due_time_in_its_zone_and_submits_with_the_regulators_reference()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 10, 9), "王芳");
        var view = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });
        var cn = view.Obligations.Single(o => o.Market == "CN");

        await (await agent.GetAsync("/api/obligations")).ProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await quality.GetAsync("/api/obligations?market=CN&dueBefore=2026-12-31T00:00:00Z&limit=500")).ReadAsync<ListObligations.View>();
        var item = Assert.Single(list.Items, i => i.Id == cn.Id);
        // 10 Dec + 7 = 17 Dec (Thu): due at the end of it in Shanghai, shown in quality's zone (Shanghai); overdue since (the host's today is 20 Dec).
        Assert.Equal(("2026-12-17", Shanghai(2026, 12, 18, 0)), (item.Due, item.DueAt));
        Assert.Equal(TimeSpan.FromHours(8), item.DueAt.Offset);
        Assert.True(item.Overdue);
        Assert.Equal((long)(Shanghai(2026, 12, 18, 0) - app.Clock!.GetUtcNow()).TotalSeconds, item.SecondsLeft);
        Assert.True(list.Items.Select(i => i.DueAt).SequenceEqual(list.Items.Select(i => i.DueAt).Order()));
        (await (await quality.GetAsync("/api/obligations?status=late")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");

        await (await agent.PostAsJsonAsync($"/api/obligations/{cn.Id}/submit", new { reference = "NMPA-2026-0001", version = cn.Version })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await quality.PostAsJsonAsync($"/api/obligations/{cn.Id}/submit", new { reference = " ", version = cn.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reference");
        var submitted = await (await quality.PostAsJsonAsync($"/api/obligations/{cn.Id}/submit", new { reference = "NMPA-2026-0001", version = cn.Version }))
            .ReadAsync<GetReportability.ObligationView>();

        Assert.Equal(("submitted", "NMPA-2026-0001", await quality.MyIdAsync()), (submitted.Status, submitted.Reference, submitted.SubmittedBy));
        await (await quality.PostAsJsonAsync($"/api/obligations/{cn.Id}/submit", new { reference = "again", version = submitted.Version })).ProblemAsync(HttpStatusCode.Conflict);
        var open = await (await quality.GetAsync("/api/obligations?status=open&limit=500")).ReadAsync<ListObligations.View>();
        Assert.DoesNotContain(open.Items, i => i.Id == cn.Id);
        var done = await (await agent.GetAsync($"/api/complaints/{complaint.Id}/reportability")).ReadAsync<GetReportability.View>();
        Assert.Equal("submitted", done.Markets.Single(m => m.Market == "CN").Obligations.Single().Status);
        // The submission is audited under quality's name.
        var qualityId = await quality.MyIdAsync();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(RegulatoryObligation) && e.EntityId == cn.Id.ToString() && e.ActorId == qualityId)));
    }

    [Fact]
    public async Task The_file_does_not_close_while_a_report_is_owed_and_closes_once_it_is_submitted()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 15, 9), "李娜");
        var view = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });
        var owed = view.Obligations.Where(o => o.Status == "open").ToList();
        Assert.NotEmpty(owed);
        var investigated = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/investigation", new { findings = "Sensor lot out of specification." }))
            .ReadAsync<GetComplaint.View>();

        var refused = await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/close", new { reason = "fault-confirmed-corrected", version = investigated.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("still owes a regulator a report", refused.Detail, StringComparison.Ordinal);

        foreach (var obligation in owed)
        {
            await (await quality.PostAsJsonAsync($"/api/obligations/{obligation.Id}/submit", new { reference = $"REF-{obligation.Kind}", version = obligation.Version }))
                .ReadAsync<GetReportability.ObligationView>();
        }

        var current = await (await quality.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>();
        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/close", new { reason = "fault-confirmed-corrected", version = current.Version }))
            .ReadAsync<GetComplaint.View>();
        Assert.NotNull((await (await quality.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>()).File.Closure);
    }

    [Fact]
    public async Task Facts_that_no_longer_owe_a_report_withdraw_it_and_the_history_keeps_both_decisions()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var complaint = await ComplaintAsync(app, agent, Shanghai(2026, 12, 19, 9), "赵敏");
        var first = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes" });
        Assert.Contains(first.Obligations, o => o.Market == "CN" && o.Provisional && o.Status == "open");

        var second = await RecordAsync(agent, complaint, "CN", new { deviceInvolved = "no" }, version: first.Version);

        Assert.NotEmpty(second.Obligations);
        Assert.All(second.Obligations, o => Assert.Equal("withdrawn", o.Status));
        Assert.Equal(2, second.History.Count);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ReportabilityDecision>().CountAsync(d => d.ComplaintId == complaint.Id)));
        // Reading the decision again changes nothing: no new history row.
        var read = await (await agent.GetAsync($"/api/complaints/{complaint.Id}/reportability")).ReadAsync<GetReportability.View>();
        Assert.Equal(2, read.History.Count);
    }
}
