using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Devices;
using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Issue 14, F21a: recalls and field safety notices, from the affected devices to the effectiveness check.</summary>
public sealed class RecallTests(OutreachHost app) : IClassFixture<OutreachHost>
{
    private const string Notice = "部分血糖仪在低温下可能显示偏高读数，请停止使用并联系我们更换。";
    private const string NoticeEn = "Some meters may read high in the cold: stop using yours and contact us for a replacement.";

    [Fact]
    public async Task Serial_ranges_and_lots_select_the_devices_they_name_and_not_a_neighbour_nor_the_same_serial_of_another_model()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var (model, other) = (await app.NewModelAsync(), await app.NewModelAsync());
        // SN9 is in SN8..SN12 as a number, though "SN9" sorts after "SN12" as text.
        var nine = await app.SeedOwnerAsync(devices: (model, "SN9", null));
        var twelve = await app.SeedOwnerAsync(devices: (model, "SN0012", null));
        var twoDevices = await app.SeedOwnerAsync(devices: [(model, "SN10", null), (model, null, "LOT-7")]);
        var byLot = await app.SeedOwnerAsync(devices: (model, "X-1", "LOT-7"));
        var neighbour = await app.SeedOwnerAsync(devices: (model, "SN13", null));
        var below = await app.SeedOwnerAsync(devices: (model, "SN7", "LOT-8"));
        var otherModel = await app.SeedOwnerAsync(devices: [(other, "SN10", null), (other, null, "LOT-7")]);
        var letters = await app.SeedOwnerAsync(devices: (model, "SN10A", null));

        var recall = await CreateAsync(quality, new { name = "低温读数偏高", summaryZh = Notice, summaryEn = NoticeEn, depth = "A", modelIds = new[] { model }, serialRanges = new[] { new { start = "SN8", end = "SN12" } }, lots = new[] { "LOT-7" } });
        var started = await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();

        Assert.Equal((5, 4, "running"), (started.Devices, started.People, started.Recall.Status));
        var devices = await app.WithDbAsync(db => db.RecallDevices.Where(d => d.RecallId == recall.Id).ToListAsync());
        Assert.Equal(nine.Devices.Concat(twelve.Devices).Concat(twoDevices.Devices).Concat(byLot.Devices).Order(), devices.Select(d => d.DeviceId).Order());
        Assert.Equal("lot", devices.Single(d => d.DeviceId == byLot.Devices[0]).MatchedBy);
        Assert.Equal("serial-range", devices.Single(d => d.DeviceId == nine.Devices[0]).MatchedBy);
        var members = await app.WithDbAsync(db => db.CampaignMembers.Where(m => m.CampaignId == recall.CampaignId).Select(m => m.PersonId).ToListAsync());
        Assert.Equal(new[] { nine.PersonId, twelve.PersonId, twoDevices.PersonId, byLot.PersonId }.Order(), members.Order());
        Assert.DoesNotContain(neighbour.PersonId, members);
        Assert.DoesNotContain(below.PersonId, members);
        Assert.DoesNotContain(otherModel.PersonId, members);
        Assert.DoesNotContain(letters.PersonId, members);
    }

    [Fact]
    public async Task Starting_a_recall_twice_is_a_400_on_its_status_in_the_readers_words()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var user = NewUser.WithRoles(Roles.Quality) with { Language = "zh-CN" };
        await admin.CreateUserAsync(user);
        var quality = await app.CreateClientForAsync(user.Email, user.Password);
        var model = await app.NewModelAsync();
        await app.SeedOwnerAsync(devices: (model, "SN-T1", null));
        var recall = await CreateAsync(quality, new { name = "重复启动", summaryZh = Notice, summaryEn = NoticeEn, depth = "C", modelIds = new[] { model } });
        await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();

        var problem = await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.Errors("status"));
        Assert.Contains("已启动", message, StringComparison.Ordinal);
        Assert.DoesNotContain("running", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serial_range_that_starts_after_it_ends_is_a_400_naming_its_end()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await app.NewModelAsync();
        var body = new { name = "范围颠倒", summaryZh = Notice, summaryEn = NoticeEn, depth = "A", modelIds = new[] { model }, serialRanges = new[] { new { start = "SN1", end = "SN5" }, new { start = "SN20", end = "SN010" } } };

        var problem = await (await quality.PostAsJsonAsync("/api/recalls", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["serialRanges[1].end"], problem.FieldsInError());
        Assert.Contains("SN20", problem.Errors("serialRanges[1].end")[0]);
        var prefixes = new { name = "前缀不同", summaryZh = Notice, summaryEn = NoticeEn, depth = "B", checkPercent = 50, modelIds = new[] { model }, serialRanges = new[] { new { start = "SN1", end = "AB5" } } };
        (await (await quality.PostAsJsonAsync("/api/recalls", prefixes)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("serialRanges[0].end");
        var depthB = new { name = "B 级", summaryZh = Notice, summaryEn = NoticeEn, depth = "B", modelIds = new[] { model } };
        (await (await quality.PostAsJsonAsync("/api/recalls", depthB)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("checkPercent");
        var unknownComplaint = new { name = "关联", summaryZh = Notice, summaryEn = NoticeEn, depth = "A", modelIds = new[] { model }, complaintIds = new[] { Guid.NewGuid() } };
        (await (await quality.PostAsJsonAsync("/api/recalls", unknownComplaint)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("complaintIds");
    }

    [Fact]
    public async Task A_recall_reaches_a_person_who_opted_out_of_marketing_and_one_who_asked_not_to_be_contacted_on_a_legal_basis_never_as_consent()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var optedOut = await app.SeedOwnerAsync(devices: (model, "FS-100", null));
        var doNotContact = await app.SeedOwnerAsync(devices: (model, "FS-101", null));
        await (await agent.PostAsJsonAsync($"/api/people/{optedOut.PersonId}/consents", new { purpose = "marketing", channel = "phone", granted = false, wording = "不再接收推广电话", method = "paper", source = "回执" })).ReadAsync<ConsentEntryView>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/people/{doNotContact.PersonId}/do-not-contact", new { reason = "请不要再打来" })).ReadAsync<DoNotContactView>();
        // A marketing campaign running at the same time: the safety notice is offered first, and the marketing list keeps both out.
        var marketingFan = (await app.SeedPeopleAsync(model, 1, purposes: [OutreachPurpose.Marketing]))[0];
        var marketing = await (await supervisor.PostAsJsonAsync("/api/campaigns", new { name = "新品推广", purpose = "marketing", channel = "phone", target = new { productIds = new[] { model } } })).ReadAsync<CampaignView>(HttpStatusCode.Created);
        await (await supervisor.PostAsync($"/api/campaigns/{marketing.Id}/start", null)).ReadAsync<CampaignView>();

        var recall = await CreateAsync(quality, new { name = "FS 召回", summaryZh = Notice, summaryEn = NoticeEn, depth = "A", modelIds = new[] { model }, serialRanges = new[] { new { start = "FS-100", end = "FS-101" } } });
        var started = await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();
        Assert.Equal((2, 0), (started.People, started.NoNumber));

        var reached = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
            Assert.Equal((recall.CampaignId, "safety-notice", GuardDecision.LegalObligation), (offer.CampaignId, offer.Purpose, offer.Basis));
            await (await agent.PostAsync($"/api/outreach/attempts/{offer.AttemptId}/dial", null)).ReadAsync<ConfirmDial.Dial>();
            await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new Dictionary<string, object> { ["confirmed-understanding"] = true } }))
                .ReadAsync<OutreachAttemptView>();
            reached.Add(offer.PersonId);
        }

        Assert.Equal(new[] { optedOut.PersonId, doNotContact.PersonId }.Order(), reached.Order());
        var next = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal((marketing.Id, marketingFan), (next.CampaignId, next.PersonId));

        // Reaching them recorded nothing as consent: the ledger still says no marketing, and do-not-contact still stands.
        var ledger = await (await agent.GetAsync($"/api/people/{optedOut.PersonId}/consents")).ReadAsync<ConsentLedger.View>();
        Assert.False(Assert.Single(ledger.Entries).Granted);
        Assert.Equal(0, await app.WithDbAsync(db => db.ConsentEntries.CountAsync(e => e.PersonId == doNotContact.PersonId)));
        var dnc = await app.WithDbAsync(db => db.DoNotContactEntries.Where(e => e.PersonId == doNotContact.PersonId).OrderByDescending(e => e.RecordedAt).FirstAsync());
        Assert.True(dnc.Active);
        var guard = await (await agent.GetAsync($"/api/outreach/guard?personId={doNotContact.PersonId}&purpose=marketing")).ReadAsync<GuardAnswer>();
        Assert.Equal("do-not-contact", guard.Rule);

        var report = await (await quality.GetAsync($"/api/recalls/{recall.Id}/effectiveness")).ReadAsync<RecallEffectiveness.View>();
        Assert.Equal((2, 2, 2, 2), (report.People.Targeted, report.People.Notified, report.People.Reached, report.People.Confirmed));
        Assert.Equal(new Dictionary<string, int> { ["phone"] = 2 }, report.PeopleNotifiedBy);
        Assert.True(report.CheckMet);
    }

    [Fact]
    public async Task The_effectiveness_report_counts_devices_and_people_and_says_whether_the_depth_check_is_met()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var owners = new List<RecallTestKit.Owner>();
        for (var i = 0; i < 10; i++)
        {
            owners.Add(i == 0
                ? await app.SeedOwnerAsync(devices: [(model, "EF-0", null), (model, "EF-10", null)])
                : await app.SeedOwnerAsync(devices: (model, $"EF-{i}", null)));
        }

        // Depth D: 2 % of the people to be checked; one of ten confirming is enough, none is not.
        var recall = await CreateAsync(quality, new { name = "有效性", summaryZh = Notice, summaryEn = NoticeEn, depth = "D", modelIds = new[] { model }, serialRanges = new[] { new { start = "EF-0", end = "EF-10" } } });
        await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();
        var before = await (await quality.GetAsync($"/api/recalls/{recall.Id}/effectiveness")).ReadAsync<RecallEffectiveness.View>();
        Assert.Equal((11, 10, 0.02, false, 10), (before.Devices.Targeted, before.People.Targeted, before.RequiredShare, before.CheckMet, before.PeopleNotNotified));

        var called = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            // The first person called says they understood, the second does not.
            var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
            await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "reached", answers = new Dictionary<string, object> { ["confirmed-understanding"] = i == 0 } }))
                .ReadAsync<OutreachAttemptView>();
            called.Add(offer.PersonId);
        }

        // Two others not called: one confirms on a reply form, one sends the device back.
        var notCalled = owners.Skip(1).Where(o => !called.Contains(o.PersonId)).ToList();
        var returned = notCalled[0].Devices[0];
        var device = await (await quality.PostAsync($"/api/recalls/{recall.Id}/devices/{returned}/returned", null)).ReadAsync<RecordRecallDevice.DeviceView>();
        Assert.NotNull(device.ReturnedAt);
        Assert.Equal(DeviceStatus.Returned, await app.WithDbAsync(db => db.Devices.Where(d => d.Id == returned).Select(d => d.Status).SingleAsync()));
        await (await quality.PostAsync($"/api/recalls/{recall.Id}/devices/{notCalled[1].Devices[0]}/confirm", null)).ReadAsync<RecordRecallDevice.DeviceView>();
        await (await quality.PostAsync($"/api/recalls/{recall.Id}/devices/{Guid.NewGuid()}/corrected", null)).ProblemAsync(HttpStatusCode.NotFound);

        var report = await (await quality.GetAsync($"/api/recalls/{recall.Id}/effectiveness")).ReadAsync<RecallEffectiveness.View>();
        Assert.Equal((10, 3, 3, 2, 1), (report.People.Targeted, report.People.Notified, report.People.Reached, report.People.Confirmed, report.People.ReturnedOrCorrected));
        Assert.Equal((0.3, 0.2, 0.1), (report.People.ReachedShare, report.People.ConfirmedShare, report.People.ReturnedOrCorrectedShare));
        Assert.Equal((11, 1), (report.Devices.Targeted, report.Devices.ReturnedOrCorrected));
        Assert.Equal(new Dictionary<string, int> { ["phone"] = 2 }, report.PeopleNotifiedBy);
        Assert.True(report.CheckMet);
        Assert.Equal(report.People.ConfirmedShare, report.CheckedShare);

        // Closed: no more calls are offered; what was recorded stays.
        var closed = await (await quality.PostAsync($"/api/recalls/{recall.Id}/close", null)).ReadAsync<RecallView>();
        Assert.Equal("closed", closed.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/outreach/next", null)).StatusCode);
        (await (await quality.PostAsync($"/api/recalls/{recall.Id}/close", null)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");
        Assert.Equal(2, (await (await quality.GetAsync($"/api/recalls/{recall.Id}/effectiveness")).ReadAsync<RecallEffectiveness.View>()).People.Confirmed);
    }

    [Fact]
    public async Task A_shipment_list_adds_the_devices_whose_serials_or_lots_it_lists_before_and_after_the_start()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var (model, other) = (await app.NewModelAsync(), await app.NewModelAsync());
        var inLot = await app.SeedOwnerAsync(devices: (model, "Z-1", "L-100"));
        var shippedSerial = await app.SeedOwnerAsync(devices: (model, "Q77-0042", null));
        var shippedLot = await app.SeedOwnerAsync(devices: (model, "Q77-9999", "L-200"));
        var otherModel = await app.SeedOwnerAsync(devices: (other, "Q77-0042", null));
        var later = await app.SeedOwnerAsync(devices: (model, "Q77-0500", null));
        var recall = await CreateAsync(quality, new { name = "发货清单", summaryZh = Notice, summaryEn = NoticeEn, depth = "C", modelIds = new[] { model }, lots = new[] { "L-100" } });

        var first = await (await quality.PostAsync($"/api/recalls/{recall.Id}/shipment-list", Csv("序列号,批号\nQ77-0042,\n,L-200\n\"Q77-0042\",\n"))).ReadAsync<UploadShipmentList.Report>();
        Assert.Equal((1, 1, 2, 0), (first.Serials, first.Lots, first.Added, first.DevicesAdded));
        var started = await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();
        Assert.Equal((3, 3), (started.Devices, started.People));

        var second = await (await quality.PostAsync($"/api/recalls/{recall.Id}/shipment-list", Csv("serialNumber\nQ77-0500\nQ77-0042\n"))).ReadAsync<UploadShipmentList.Report>();
        Assert.Equal((1, 1), (second.Added, second.DevicesAdded));
        var members = await app.WithDbAsync(db => db.CampaignMembers.Where(m => m.CampaignId == recall.CampaignId).Select(m => m.PersonId).ToListAsync());
        Assert.Equal(new[] { inLot.PersonId, shippedSerial.PersonId, shippedLot.PersonId, later.PersonId }.Order(), members.Order());
        Assert.DoesNotContain(otherModel.PersonId, members);

        var bad = await (await quality.PostAsync($"/api/recalls/{recall.Id}/shipment-list", Csv("name,city\n张三,上海\n"))).ProblemAsync(HttpStatusCode.BadRequest);
        bad.Errors("file");
    }

    [Fact]
    public async Task A_person_the_calls_do_not_reach_is_sent_the_notice_by_email_and_one_with_no_number_at_once()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await app.NewModelAsync();
        var unanswered = await app.SeedOwnerAsync(email: "wang@example.cn", devices: (model, "ES-1", null));
        var noNumber = await app.SeedOwnerAsync(phone: false, email: "li@example.cn", devices: (model, "ES-2", null));
        var nowhere = await app.SeedOwnerAsync(phone: false, devices: (model, "ES-3", null));
        var recall = await CreateAsync(quality, new { name = "逐级通知", summaryZh = Notice, summaryEn = NoticeEn, depth = "A", modelIds = new[] { model }, serialRanges = new[] { new { start = "ES-1", end = "ES-3" } }, maxAttempts = 1 });

        var started = await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();
        Assert.Equal((3, 2, 1), (started.People, started.NoNumber, started.NotifiedByEmail));
        Assert.Equal(1, await MailsToAsync(recall.Id, noNumber.PersonId));

        var offer = await (await agent.PostAsync("/api/outreach/next", null)).ReadAsync<OutreachOffer>();
        Assert.Equal(unanswered.PersonId, offer.PersonId);
        Assert.Equal(0, await MailsToAsync(recall.Id, unanswered.PersonId));
        await (await agent.PostAsJsonAsync($"/api/outreach/attempts/{offer.AttemptId}/outcome", new { outcome = "no-answer" })).ReadAsync<OutreachAttemptView>();

        // One try was all the recall allowed: the calls are over, the notice goes out by e-mail in the same save.
        Assert.Equal(1, await MailsToAsync(recall.Id, unanswered.PersonId));
        var device = await app.WithDbAsync(db => db.RecallDevices.SingleAsync(d => d.RecallId == recall.Id && d.PersonId == unanswered.PersonId));
        Assert.Equal(("email", (DateTimeOffset?)OutreachHost.Start, (DateTimeOffset?)null), (device.NotifiedBy, device.NotifiedAt, device.ReachedAt));
        var report = await (await quality.GetAsync($"/api/recalls/{recall.Id}/effectiveness")).ReadAsync<RecallEffectiveness.View>();
        Assert.Equal(new Dictionary<string, int> { ["email"] = 2 }, report.PeopleNotifiedBy);
        Assert.Equal((2, 0, 1), (report.People.Notified, report.People.Reached, report.PeopleNotNotified));
        Assert.False(report.CheckMet);
        Assert.Equal(0, await MailsToAsync(recall.Id, nowhere.PersonId));
    }

    [Fact]
    public async Task The_affected_devices_are_listed_a_page_at_a_time_found_by_serial_or_lot_and_counted_in_the_recall_list()
    {
        await app.EndRunningCampaignsAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await app.NewModelAsync();
        var two = await app.SeedOwnerAsync(devices: [(model, "PG-1", null), (model, "PG-2", "LOT-P")]);
        var one = await app.SeedOwnerAsync(devices: (model, "PG-3", null));
        var recall = await CreateAsync(quality, new { name = "分页", summaryZh = Notice, summaryEn = NoticeEn, depth = "C", modelIds = new[] { model } });
        await (await quality.PostAsync($"/api/recalls/{recall.Id}/start", null)).ReadAsync<StartRecall.Report>();

        var first = await (await quality.GetAsync($"/api/recalls/{recall.Id}/devices?take=2")).ReadAsync<ListRecallDevices.Page>();
        var rest = await (await quality.GetAsync($"/api/recalls/{recall.Id}/devices?skip=2&take=2")).ReadAsync<ListRecallDevices.Page>();

        Assert.Equal((3, 2, 1), (first.Total, first.Rows.Count, rest.Rows.Count));
        Assert.Equal(two.Devices.Concat(one.Devices).Order(), first.Rows.Concat(rest.Rows).Select(r => r.DeviceId).Order());
        var bySerial = await (await quality.GetAsync($"/api/recalls/{recall.Id}/devices?search=PG-2")).ReadAsync<ListRecallDevices.Page>();
        Assert.Equal((two.Devices[1], "model", "LOT-P"), (Assert.Single(bySerial.Rows).DeviceId, bySerial.Rows[0].MatchedBy, bySerial.Rows[0].LotNumber));
        var byLot = await (await quality.GetAsync($"/api/recalls/{recall.Id}/devices?search=LOT-P")).ReadAsync<ListRecallDevices.Page>();
        Assert.Equal(two.Devices[1], Assert.Single(byLot.Rows).DeviceId);
        (await (await quality.GetAsync($"/api/recalls/{recall.Id}/devices?take=500")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("take");

        var listed = await app.WithDbAsync(db => new ListRecalls(db).RunAsync(CancellationToken.None));
        Assert.Equal((3, 2), listed.Where(i => i.Recall.Id == recall.Id).Select(i => (i.Devices, i.People)).Single());
    }

    private static async Task<RecallView> CreateAsync(HttpClient quality, object body) =>
        await (await quality.PostAsJsonAsync("/api/recalls", body)).ReadAsync<RecallView>(HttpStatusCode.Created);

    private static MultipartFormDataContent Csv(string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "shipment.csv" } };
    }

    private Task<int> MailsToAsync(Guid recallId, Guid personId) =>
        app.WithDbAsync(async db =>
        {
            var payloads = await db.OutboxMessages.Where(m => m.Type == RecallNoticeEmail.MessageType).Select(m => m.Payload).ToListAsync();
            return payloads.Select(p => JsonSerializer.Deserialize<RecallNoticeEmail.Notice>(p, JsonSerializerOptions.Web)!)
                .Count(n => n.RecallId == recallId && n.PersonId == personId);
        });
}
