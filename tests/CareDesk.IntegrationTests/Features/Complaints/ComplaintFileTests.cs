using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.ComplaintFile;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Complaints;

// F16: the complaint file — intake by those who take calls, investigation, return, reply and closure by quality;
// one event from several reporters.
public sealed class ComplaintFileTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private const string Gs1Udi = "(01)10884521062856(11)141231(17)150707(10)A213B1(21)1234";

    [Fact]
    public async Task An_outsourced_agent_records_the_device_by_its_scanned_udi_and_the_callers_words()
    {
        var (agent, complaint) = await FlaggedAsync(Roles.OutsourcedAgent);

        var recorded = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new
        {
            udi = Gs1Udi,
            udiEntry = "scanned",
            patientInvolvement = "involved",
            patientOutcome = "recovered",
            narrative = "半夜血糖很低，仪器没有报警，送去急诊了。",
            narrativeLanguage = "zh-CN",
            version = complaint.Version,
        })).ReadAsync<GetComplaint.View>();

        var file = recorded.File;
        Assert.Equal(("gs1", "scanned", "10884521062856", "A213B1", "1234", new DateOnly(2015, 7, 7)),
            (file.Udi!.Issuer, file.Udi.Entry, file.Udi.DeviceIdentifier, file.Udi.Lot, file.Udi.Serial, file.Udi.Expiry!.Value));
        // The file's serial and lot come from the UDI when none was typed.
        Assert.Equal(("1234", "A213B1"), (file.SerialNumber, file.LotNumber));
        Assert.Equal(("involved", "recovered", "zh-CN"), (file.PatientInvolvement, file.PatientOutcome, file.NarrativeLanguage));
        Assert.NotEqual(complaint.Version, recorded.Version);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Complaint) && e.EntityId == complaint.Id.ToString() && e.Action == "updated")));
    }

    [Theory]
    [InlineData("udi", "(01)10884521062855(17)150707")]
    [InlineData("udiEntry", "barcode")]
    [InlineData("patientInvolvement", "maybe")]
    [InlineData("patientOutcome", "dead")]
    [InlineData("narrativeLanguage", "klingon")]
    [InlineData("serialNumber", "SN-OTHER")]
    [InlineData("deviceId", "00000000-0000-0000-0000-000000000001")]
    public async Task Bad_intake_is_a_400_naming_the_field(string field, string value)
    {
        var (agent, complaint) = await FlaggedAsync(Roles.Agent);
        var body = new Dictionary<string, object?> { ["udi"] = Gs1Udi, ["narrative"] = "It did not alarm.", ["narrativeLanguage"] = "en", [field] = value };

        var problem = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors(field));
        Assert.Null((await (await agent.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>()).File.Udi);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_nothing_changes()
    {
        var (agent, complaint) = await FlaggedAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { serialNumber = "SN-1", version = complaint.Version })).ReadAsync<GetComplaint.View>();

        await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { serialNumber = "SN-2", version = complaint.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/investigation", new { findings = "x", version = complaint.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/return", new { rmaNumber = "RMA-1", version = complaint.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/reply", new { language = "en", text = "x", version = complaint.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/close", new { reason = "no-fault-found", version = complaint.Version })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("SN-1", (await (await agent.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>()).File.SerialNumber);
    }

    [Fact]
    public async Task Quality_investigates_records_the_return_replies_and_closes_and_other_roles_may_not()
    {
        var (agent, complaint) = await FlaggedAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var id = complaint.Id;
        foreach (var other in new[] { agent, await app.CreateClientForRoleAsync(Roles.Supervisor), await app.CreateClientForRoleAsync(Roles.Admin) })
        {
            await (await other.PutAsJsonAsync($"/api/complaints/{id}/investigation", new { findings = "Battery contact corroded." })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await other.PostAsJsonAsync($"/api/complaints/{id}/close", new { reason = "no-fault-found" })).ProblemAsync(HttpStatusCode.Forbidden);
        }

        // Closing needs the investigation's findings.
        (await (await quality.PostAsJsonAsync($"/api/complaints/{id}/close", new { reason = "fault-confirmed-corrected" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("findings");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{id}/investigation", new { findings = " " })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("findings");
        await (await quality.PutAsJsonAsync($"/api/complaints/{id}/investigation", new { findings = "Battery contact corroded.", rootCause = "Plating too thin in lot A213B1." })).ReadAsync<GetComplaint.View>();

        var now = TimeProvider.System.GetUtcNow();
        (await (await quality.PutAsJsonAsync($"/api/complaints/{id}/return", new { rmaNumber = "RMA-7", sentAt = now.AddDays(-1), receivedAt = now.AddDays(-2) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("receivedAt");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{id}/return", new { rmaNumber = "RMA-7", analysis = "Corrosion." })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("analysis");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{id}/return", new { rmaNumber = "" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("rmaNumber");
        var returned = await (await quality.PutAsJsonAsync($"/api/complaints/{id}/return", new { rmaNumber = "RMA-7", sentAt = now.AddDays(-3), receivedAt = now.AddDays(-1), analysis = "Corrosion on the battery contact." }))
            .ReadAsync<GetComplaint.View>();
        Assert.Equal(("RMA-7", "Corrosion on the battery contact."), (returned.File.Return!.RmaNumber, returned.File.Return.Analysis));

        (await (await quality.PostAsJsonAsync($"/api/complaints/{id}/reply", new { language = "xx", text = "..." })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("language");
        (await (await quality.PostAsJsonAsync($"/api/complaints/{id}/reply", new { language = "zh-CN", text = "", })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("text");
        var replied = await (await quality.PostAsJsonAsync($"/api/complaints/{id}/reply", new { language = "zh-CN", text = "您好，经检测为电池触点腐蚀，已为您更换新机。" })).ReadAsync<GetComplaint.View>();
        Assert.Equal(("zh-CN", await quality.MyIdAsync()), (replied.File.Reply!.Language, replied.File.Reply.By.Id));

        (await (await quality.PostAsJsonAsync($"/api/complaints/{id}/close", new { reason = "fixed" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reason");
        (await (await quality.PostAsJsonAsync($"/api/complaints/{id}/close", new { reason = "other" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        var closed = await (await quality.PostAsJsonAsync($"/api/complaints/{id}/close", new { reason = "fault-confirmed-corrected", note = "CAPA-12 opened.", version = replied.Version }))
            .ReadAsync<GetComplaint.View>();
        Assert.Equal(("fault-confirmed-corrected", "CAPA-12 opened."), (closed.File.Closure!.Reason, closed.File.Closure.Note));

        // A closed file changes no more.
        await (await agent.PutAsJsonAsync($"/api/complaints/{id}/file", new { serialNumber = "SN-9" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Recording_intake_is_refused_to_experts_and_supervisors_and_a_field_rep_writes_and_sees_only_their_own_customers()
    {
        var (_, notTheirs) = await FlaggedAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var (_, theirs) = await FlaggedAsync(Roles.Agent, await rep.MyIdAsync());
        foreach (var role in new[] { Roles.Expert, Roles.Supervisor })
        {
            await (await (await app.CreateClientForRoleAsync(role)).PutAsJsonAsync($"/api/complaints/{theirs.Id}/file", new { serialNumber = "SN-1" })).ProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await rep.PutAsJsonAsync($"/api/complaints/{notTheirs.Id}/file", new { serialNumber = "SN-1" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/complaints/{notTheirs.Id}/matches")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/complaints/{theirs.Id}/links", new { otherId = notTheirs.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await rep.PutAsJsonAsync($"/api/complaints/{theirs.Id}/file", new { serialNumber = "SN-1" })).ReadAsync<GetComplaint.View>();
        Assert.Equal("SN-1", own.File.SerialNumber);
    }

    [Fact]
    public async Task Reports_of_one_event_by_several_reporters_are_suggested_and_linked_under_the_earliest()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var serial = TestValues.Digits("CGM", 8);
        var (_, hospital) = await FlaggedAsync(Roles.Agent);
        var (_, patient) = await FlaggedAsync(Roles.Agent, await rep.MyIdAsync());
        var (_, unrelated) = await FlaggedAsync(Roles.Agent);
        await (await agent.PutAsJsonAsync($"/api/complaints/{hospital.Id}/file", new { serialNumber = serial })).ReadAsync<GetComplaint.View>();
        await (await agent.PutAsJsonAsync($"/api/complaints/{patient.Id}/file", new { serialNumber = serial.ToLowerInvariant() })).ReadAsync<GetComplaint.View>();
        await (await agent.PutAsJsonAsync($"/api/complaints/{unrelated.Id}/file", new { serialNumber = TestValues.Digits("CGM", 8) })).ReadAsync<GetComplaint.View>();
        // The patient told a field rep two days before the hospital called.
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        await (await quality.PutAsJsonAsync($"/api/complaints/{patient.Id}/awareness", new { awarenessAt = patient.AwarenessAt.AddDays(-2), reason = "Told the field rep at the clinic." })).ReadAsync<GetComplaint.View>();

        var matches = await (await agent.GetAsync($"/api/complaints/{hospital.Id}/matches")).ReadAsync<List<FindSameEvent.Match>>();
        var match = Assert.Single(matches);
        Assert.Equal((patient.Id, "same-serial"), (match.Id, Assert.Single(match.Reasons)));
        // The field rep is not told of the hospital's complaint: that customer is not theirs.
        Assert.Empty(await (await rep.GetAsync($"/api/complaints/{patient.Id}/matches")).ReadAsync<List<FindSameEvent.Match>>());

        (await (await agent.PostAsJsonAsync($"/api/complaints/{hospital.Id}/links", new { otherId = hospital.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("otherId");
        (await (await agent.PostAsJsonAsync($"/api/complaints/{hospital.Id}/links", new { otherId = Guid.CreateVersion7() })).ProblemAsync(HttpStatusCode.NotFound)).Errors("otherId");
        var linked = await (await agent.PostAsJsonAsync($"/api/complaints/{hospital.Id}/links", new { otherId = patient.Id })).ReadAsync<GetComplaint.View>();

        // The patient's report came first: the reports go out on it.
        Assert.Equal(patient.Id, linked.File.Event!.PrimaryId);
        Assert.False(linked.File.Event.IsPrimary);
        Assert.Equal([patient.Id, hospital.Id], linked.File.Event.Members.Select(m => m.Id));
        Assert.Empty(await (await agent.GetAsync($"/api/complaints/{hospital.Id}/matches")).ReadAsync<List<FindSameEvent.Match>>());
        Assert.True((await (await agent.GetAsync($"/api/complaints/{patient.Id}")).ReadAsync<GetComplaint.View>()).File.Event!.IsPrimary);
    }

    [Fact]
    public async Task Quality_takes_the_primary_out_of_an_event_with_a_reason_and_the_primary_moves_to_the_earliest_left()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var (_, patient) = await FlaggedAsync(Roles.Agent);
        var (_, hospital) = await FlaggedAsync(Roles.Agent);
        var (_, distributor) = await FlaggedAsync(Roles.Agent);
        // Reported in this order: the patient first, so the patient's complaint is the event's primary.
        await (await quality.PutAsJsonAsync($"/api/complaints/{patient.Id}/awareness", new { awarenessAt = patient.AwarenessAt.AddDays(-2), reason = "Told the field rep at the clinic." })).ReadAsync<GetComplaint.View>();
        await (await quality.PutAsJsonAsync($"/api/complaints/{hospital.Id}/awareness", new { awarenessAt = hospital.AwarenessAt.AddDays(-1), reason = "The hospital's e-mail came first." })).ReadAsync<GetComplaint.View>();
        await (await agent.PostAsJsonAsync($"/api/complaints/{hospital.Id}/links", new { otherId = patient.Id })).ReadAsync<GetComplaint.View>();
        var grouped = await (await agent.PostAsJsonAsync($"/api/complaints/{distributor.Id}/links", new { otherId = patient.Id })).ReadAsync<GetComplaint.View>();
        Assert.Equal(patient.Id, grouped.File.Event!.PrimaryId);

        var current = await (await quality.GetAsync($"/api/complaints/{patient.Id}")).ReadAsync<GetComplaint.View>();
        await (await agent.PostAsJsonAsync($"/api/complaints/{patient.Id}/unlink", new { reason = "Another pump.", version = current.Version })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await quality.PostAsJsonAsync($"/api/complaints/{patient.Id}/unlink", new { reason = " ", version = current.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reason");
        await (await quality.PostAsJsonAsync($"/api/complaints/{patient.Id}/unlink", new { reason = "Another pump.", version = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.Conflict);

        var alone = await (await quality.PostAsJsonAsync($"/api/complaints/{patient.Id}/unlink", new { reason = "Another pump: the serial was misread.", version = current.Version })).ReadAsync<GetComplaint.View>();

        Assert.Null(alone.File.Event);
        var left = await (await agent.GetAsync($"/api/complaints/{distributor.Id}")).ReadAsync<GetComplaint.View>();
        Assert.Equal(hospital.Id, left.File.Event!.PrimaryId);
        Assert.Equal([hospital.Id, distributor.Id], left.File.Event.Members.Select(m => m.Id));
        var timeline = (await (await agent.GetAsync($"/api/cases/{patient.CaseId}")).ReadAsync<GetCase.View>()).Timeline;
        var qualityId = await quality.MyIdAsync();
        Assert.Contains(timeline, e => e.Kind == "complaint-event-unlinked" && e.Text == "Another pump: the serial was misread." && e.Actor.Id == qualityId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Complaint) && e.EntityId == distributor.Id.ToString() && e.Changes!.Contains("EventPrimaryId"))));
        (await (await quality.PostAsJsonAsync($"/api/complaints/{patient.Id}/unlink", new { reason = "Again." })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("id");

        // Two left: taking one out leaves the other on its own.
        await (await quality.PostAsJsonAsync($"/api/complaints/{distributor.Id}/unlink", new { reason = "The distributor meant a different lot." })).ReadAsync<GetComplaint.View>();
        Assert.Null((await (await agent.GetAsync($"/api/complaints/{hospital.Id}")).ReadAsync<GetComplaint.View>()).File.Event);
    }

    [Fact]
    public async Task Every_reply_to_the_complainant_is_kept_with_who_and_when_the_latest_first()
    {
        var (_, complaint) = await FlaggedAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var qualityId = await quality.MyIdAsync();
        var now = TimeProvider.System.GetUtcNow();

        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/reply", new { language = "zh-CN", text = "您好，我们已收到您的反馈，正在调查。", sentAt = now.AddDays(-3) })).ReadAsync<GetComplaint.View>();
        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/reply", new { language = "zh-CN", text = "经检测为电池触点腐蚀，已为您更换新机。", sentAt = now.AddHours(-1) })).ReadAsync<GetComplaint.View>();
        // A letter posted between the two, recorded last, does not become the latest.
        var read = await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/reply", new { language = "en", text = "Your replacement is on its way.", sentAt = now.AddDays(-1) })).ReadAsync<GetComplaint.View>();

        Assert.Equal(["经检测为电池触点腐蚀，已为您更换新机。", "Your replacement is on its way.", "您好，我们已收到您的反馈，正在调查。"], read.File.Replies!.Select(r => r.Text));
        Assert.All(read.File.Replies!, r => Assert.Equal(qualityId, r.By.Id));
        Assert.Equal(["zh-CN", "en", "zh-CN"], read.File.Replies!.Select(r => r.Language));
        Assert.Equal("经检测为电池触点腐蚀，已为您更换新机。", read.File.Reply!.Text);
        Assert.Equal(now.AddDays(-3).ToUnixTimeMilliseconds(), read.File.Replies![2].SentAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task An_outsourced_agent_reads_the_callers_words_masked_everywhere_and_cannot_replace_or_clear_them()
    {
        var (agent, complaint) = await FlaggedAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        const string words = "晚上血糖仪没有报警，孩子低血糖送了急诊。";
        var recorded = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { narrative = words, narrativeLanguage = "zh-CN" })).ReadAsync<GetComplaint.View>();
        await (await agent.PostAsJsonAsync($"/api/complaints/{complaint.Id}/information", new { receivedAt = recorded.AwarenessAt, source = "母亲来电", text = "孩子住院观察了一晚。" }))
            .ReadAsync<CareDesk.Features.Complaints.Reporting.GetReportability.View>();

        Assert.Equal(Masking.Hidden, (await (await outsourced.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>()).File.Narrative);
        Assert.Equal(Masking.Hidden, (await (await outsourced.GetAsync($"/api/cases/{complaint.CaseId}/complaint")).ReadAsync<GetComplaint.View>()).File.Narrative);
        var reportability = await (await outsourced.GetAsync($"/api/complaints/{complaint.Id}/reportability")).ReadAsync<CareDesk.Features.Complaints.Reporting.GetReportability.View>();
        Assert.Equal(Masking.Hidden, Assert.Single(reportability.Information).Text);

        // Replacing or clearing words they never saw is refused, naming the field; sending the mask back keeps them.
        var current = await (await outsourced.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>();
        (await (await outsourced.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { narrative = "设备正常。", narrativeLanguage = "zh-CN", version = current.Version }))
            .ProblemAsync(HttpStatusCode.Forbidden)).Errors("narrative");
        (await (await outsourced.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { serialNumber = "SN-1", version = current.Version }))
            .ProblemAsync(HttpStatusCode.Forbidden)).Errors("narrative");
        var kept = await (await outsourced.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new { serialNumber = "SN-1", narrative = Masking.Hidden, version = current.Version }))
            .ReadAsync<GetComplaint.View>();
        Assert.Equal(Masking.Hidden, kept.File.Narrative);

        var whole = await (await agent.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>();
        Assert.Equal((words, "zh-CN", "SN-1"), (whole.File.Narrative, whole.File.NarrativeLanguage, whole.File.SerialNumber));
        Assert.Equal("孩子住院观察了一晚。", Assert.Single((await (await agent.GetAsync($"/api/complaints/{complaint.Id}/reportability")).ReadAsync<CareDesk.Features.Complaints.Reporting.GetReportability.View>()).Information).Text);
    }

    private async Task<(HttpClient Client, GetComplaint.View Complaint)> FlaggedAsync(string role, string? fieldRep = null)
    {
        var client = await app.CreateClientForRoleAsync(role);
        var person = await client.CreatePersonAsync(PeopleTestKit.NewPerson("王建国", fieldRep: fieldRep));
        var opened = await (await client.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "CGM did not alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var flagged = await (await client.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        return (client, flagged);
    }
}

// Closing refuses a complaint that still owes a regulator a report: here every complaint owes one.
public sealed class ReportedComplaintClosingTests(ReportedComplaintClosingTests.Host app) : IClassFixture<ReportedComplaintClosingTests.Host>
{
    public sealed class Host : CareDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IComplaintReports, EverythingReported>());
        }
    }

    private sealed class EverythingReported : IComplaintReports
    {
        public Task<bool> OwesAReportAsync(Guid complaintId, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    [Fact]
    public async Task A_complaint_that_owes_a_report_is_not_closed_with_a_clear_problem()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var person = await quality.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await (await quality.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Pump occlusion" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var flagged = await (await quality.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        await (await quality.PutAsJsonAsync($"/api/complaints/{flagged.Id}/investigation", new { findings = "Occlusion alarm late." })).ReadAsync<GetComplaint.View>();

        var problem = await (await quality.PostAsJsonAsync($"/api/complaints/{flagged.Id}/close", new { reason = "no-fault-found" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("regulator", problem.Detail, StringComparison.Ordinal);
        Assert.Null((await (await quality.GetAsync($"/api/complaints/{flagged.Id}")).ReadAsync<GetComplaint.View>()).File.Closure);
    }
}
