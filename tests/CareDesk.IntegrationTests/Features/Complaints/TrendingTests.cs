using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Trending;
using CareDesk.Features.Devices;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Complaints;

// F16 codes and F18 trending: IMDRF codes checked against the shipped list, denominators, the u-chart and its alerts.
public sealed class TrendingTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Codes_are_checked_against_the_shipped_list_and_a_wrong_one_is_a_400_naming_it()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var complaint = await FlagAsync(agent);

        await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601" } })).ProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601", "A9999" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("A9999", Assert.Single(unknown.Errors("problem[1]")), StringComparison.Ordinal);
        var wrongAnnex = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { healthEffect = new[] { "A0601" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("A0601", Assert.Single(wrongAnnex.Errors("healthEffect[0]")), StringComparison.Ordinal);
        (await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601" }, version = "2019" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("version");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601" }, modelId = "no-such-model" })).ProblemAsync(HttpStatusCode.NotFound)).Errors("modelId");
        await (await quality.PutAsJsonAsync($"/api/complaints/{Guid.CreateVersion7()}/codes", new { problem = new[] { "A0601" } })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintCode>().AnyAsync(c => c.ComplaintId == complaint.Id)));

        var coded = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "a0601", "A0601" }, healthEffect = new[] { "E0101", "F08" }, version = "2022" }))
            .ReadAsync<GetComplaintCodes.View>();

        Assert.Equal(["A0601"], coded.Problem.Select(c => c.Value));
        Assert.Equal(["E0101", "F08"], coded.HealthEffect.Select(c => c.Value));
        Assert.All(coded.Problem.Concat(coded.HealthEffect), c => Assert.Equal(("2022", false), (c.Release, string.IsNullOrEmpty(c.Term))));
        var qualityId = await quality.MyIdAsync();
        Assert.Equal(qualityId, coded.Problem[0].CodedBy);
        // The case's device gives the model; this case has none, so the codes count in no model's trend.
        Assert.Null(coded.ModelId);

        // A new list replaces the old; a kept code keeps who coded it first; everyone with the case reads them.
        var recoded = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601", "A0701" } })).ReadAsync<GetComplaintCodes.View>();
        Assert.Equal(["A0601", "A0701"], recoded.Problem.Select(c => c.Value));
        Assert.Empty(recoded.HealthEffect);
        Assert.Equal(coded.Problem[0].CodedAt, recoded.Problem[0].CodedAt);
        Assert.Equal(recoded, await (await agent.GetAsync($"/api/complaints/{complaint.Id}/codes")).ReadAsync<GetComplaintCodes.View>(), new CodesComparer());
    }

    [Fact]
    public async Task The_model_of_a_coded_complaint_is_its_cases_device_model_and_its_month_the_awareness_month_at_the_receiving_site()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await NewModelAsync();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var device = await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/devices", new { modelId = model, serialNumber = TestValues.Digits("SN", 10) }))
            .ReadAsync<DeviceView>(HttpStatusCode.Created);
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Sensor error", deviceId = device.Id }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var complaint = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();

        var coded = await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A0601" } })).ReadAsync<GetComplaintCodes.View>();

        Assert.Equal(model, coded.ModelId);
        var expected = TrendMonth.Of(complaint.AwarenessAt, TimeZoneInfo.FindSystemTimeZoneById(complaint.ReceivingTimeZone));
        Assert.Equal(expected, await app.WithDbAsync(db => db.Set<ComplaintCode>().Where(c => c.ComplaintId == complaint.Id).Select(c => c.Month).SingleAsync()));
        // Its one registered device is the registry's denominator for that month.
        var trend = await (await quality.GetAsync($"/api/trending?modelId={model}&code=A0601&from={TrendMonth.Format(expected)}&to={TrendMonth.Format(expected)}")).ReadAsync<GetTrend.View>();
        var month = Assert.Single(trend.Months);
        Assert.Equal((1L, 1L, "registry", 1000.0), (month.Complaints, month.Units, month.UnitsSource, month.Rate));
    }

    [Fact]
    public async Task Denominators_entered_by_quality_win_over_the_registry_and_bad_ones_are_400s_naming_the_field()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var model = await NewModelAsync();

        await (await admin.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-01", units = 10 } } })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-13", units = 10 } } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("months[0].month");
        (await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-01", units = -1 } } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("months[0].units");
        (await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-01", units = 1 }, new { month = "2025-01", units = 2 } } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("months[1].month");
        (await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = "no-such-model", months = new[] { new { month = "2025-01", units = 1 } } })).ProblemAsync(HttpStatusCode.NotFound)).Errors("modelId");

        await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-01", units = 500 }, new { month = "2025-02", units = 800 } } })).ReadAsync<SetDenominators.View>();
        var saved = await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-02", units = 900 } } })).ReadAsync<SetDenominators.View>();

        Assert.Equal([("2025-01", 500L), ("2025-02", 900L)], saved.Months.Select(m => (m.Month, m.Units)));
        var trend = await (await admin.GetAsync($"/api/trending?modelId={model}&code=A0601&from=2025-01&to=2025-03")).ReadAsync<GetTrend.View>();
        Assert.Equal([(500L, "entered"), (900L, "entered"), (0L, "none")], trend.Months.Select(m => (m.Units, m.UnitsSource)));
        (await (await admin.GetAsync($"/api/trending?modelId={model}&code=E0101")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("code");
        (await (await admin.GetAsync($"/api/trending?modelId={model}&code=A0601&from=2025-1")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("from");
        (await (await admin.GetAsync($"/api/trending?modelId={model}&code=A0601&format=pdf")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("format");
        (await (await admin.GetAsync("/api/trending?code=A0601")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("modelId");
        (await (await admin.GetAsync("/api/trending?modelId=no-such-model&code=A0601")).ProblemAsync(HttpStatusCode.NotFound)).Errors("modelId");
        await (await (await app.CreateClientForRoleAsync(Roles.Agent)).GetAsync($"/api/trending?modelId={model}&code=A0601")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_planted_rise_alerts_quality_in_the_month_it_happens_live_by_email_and_as_an_eu_trend_report_candidate()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var qualityId = await quality.MyIdAsync();
        var model = await NewModelAsync();
        var seeded = await SeedNoiseAsync(quality, model, "A0601", seed: 20261207, plantedComplaints: 29);
        var alerts = new ConcurrentQueue<TrendAlert>();
        using var subscription = app.Services.GetRequiredService<TrendAlertHub>().Subscribe(qualityId, alert =>
        {
            alerts.Enqueue(alert);
            return Task.CompletedTask;
        });

        // The thirtieth complaint of the planted month is coded: the month's rate crosses the action limit.
        await (await quality.PutAsJsonAsync($"/api/complaints/{seeded.LastComplaint}/codes", new { problem = new[] { "A0601" }, modelId = model })).ReadAsync<GetComplaintCodes.View>();

        var signal = await app.WithDbAsync(db => db.Set<TrendSignal>().SingleAsync(s => s.ModelId == model && s.Code == "A0601"));
        // The parent's trend (A06, optical problems) counts its children: the same rise shows there too.
        Assert.True(await app.WithDbAsync(db => db.Set<TrendSignal>().AnyAsync(s => s.ModelId == model && s.Code == "A06" && s.Month == seeded.PlantedMonth)));
        Assert.Equal(("A0601", seeded.PlantedMonth, UChart.ActionLimit, "eu-trend-report", 30L, 1000L), (signal.Code, signal.Month, signal.Rule, signal.Kind, signal.Complaints, signal.Units));
        var payload = signal.Id.ToString();
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Type == TrendAlertEmail.MessageType && m.Payload.Contains(payload))));
        await Eventually.HoldsAsync(() => Task.FromResult(alerts.Any(a => a.SignalId == signal.Id)), Wait, "the live trend alert");
        var trend = await (await quality.GetAsync($"/api/trending?modelId={model}&code=A0601&from={TrendMonth.Format(seeded.PlantedMonth - 2)}&to={TrendMonth.Format(seeded.PlantedMonth)}")).ReadAsync<GetTrend.View>();
        Assert.Equal([null, null, UChart.ActionLimit], trend.Months.Select(m => m.Signal));
        Assert.Contains(await (await quality.GetAsync($"/api/trending/signals?modelId={model}")).ReadAsync<ListTrendSignals.View[]>(), s => s.Id == signal.Id);

        // Coding the same month again raises nothing new.
        await (await quality.PutAsJsonAsync($"/api/complaints/{seeded.LastComplaint}/codes", new { problem = new[] { "A0601", "A0701" }, modelId = model })).ReadAsync<GetComplaintCodes.View>();
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<TrendSignal>().CountAsync(s => s.ModelId == model)));
    }

    [Fact]
    public async Task Noise_around_a_steady_rate_raises_no_alert()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await NewModelAsync();
        // The same seeded noise with an ordinary month at the end (10 expected, 11 found).
        var seeded = await SeedNoiseAsync(quality, model, "A0601", seed: 20261207, plantedComplaints: 10);

        await (await quality.PutAsJsonAsync($"/api/complaints/{seeded.LastComplaint}/codes", new { problem = new[] { "A0601" }, modelId = model })).ReadAsync<GetComplaintCodes.View>();

        Assert.False(await app.WithDbAsync(db => db.Set<TrendSignal>().AnyAsync(s => s.ModelId == model)));
        var trend = await (await quality.GetAsync($"/api/trending?modelId={model}&code=A0601&from={TrendMonth.Format(seeded.PlantedMonth - 11)}&to={TrendMonth.Format(seeded.PlantedMonth)}")).ReadAsync<GetTrend.View>();
        Assert.All(trend.Months, m => Assert.Null(m.Signal));
        Assert.All(trend.Months.Skip(6), m => Assert.NotNull(m.UpperAction));
    }

    [Fact]
    public async Task The_trend_exports_as_csv_and_xlsx_with_the_same_months()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await NewModelAsync();
        await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-01", units = 1000 } } })).ReadAsync<SetDenominators.View>();

        var csv = await quality.GetAsync($"/api/trending?modelId={model}&code=A0601&from=2025-01&to=2025-02&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', TrendExport.Columns), lines[0]);
        Assert.StartsWith($"2025-01,{model},", lines[1], StringComparison.Ordinal);
        Assert.Contains(",A0601,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",0,1000,entered,0,", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);

        var xlsx = await quality.GetAsync($"/api/trending?modelId={model}&code=A0601&from=2025-01&to=2025-02&format=xlsx");
        Assert.Equal(TrendExport.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Equal(3, xml.Split("<row ").Length - 1);
        Assert.Contains("<t>2025-02</t>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_codes_trend_counts_the_complaints_coded_with_its_children_each_once()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await NewModelAsync();
        var month = TrendMonth.Of(2025, 3);
        await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = "2025-03", units = 1000 } } })).ReadAsync<SetDenominators.View>();
        // Capturing problem (A0701) and its "failure to capture" (A070101) are under electrical problems (A07).
        await SeedCodedAsync(quality, model, month, ["A07"], ["A0701"], ["A070101", "A070102"], ["A0702"], ["A0601"]);

        async Task<long> CountAsync(string code) =>
            Assert.Single((await (await quality.GetAsync($"/api/trending?modelId={model}&code={code}&from=2025-03&to=2025-03")).ReadAsync<GetTrend.View>()).Months).Complaints;

        Assert.Equal(4, await CountAsync("A07"));
        Assert.Equal(2, await CountAsync("A0701"));
        Assert.Equal(1, await CountAsync("A070101"));
        Assert.Equal(1, await CountAsync("A0601"));
    }

    [Fact]
    public async Task The_daily_recheck_raises_the_signal_that_units_entered_after_coding_reveal_for_the_code_and_its_parent()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var model = await NewModelAsync();
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<Quartz.ISimpleTrigger>(await scheduler.GetTrigger(new Quartz.TriggerKey(TrendRecheckJob.Key.Name, TrendRecheckJob.Key.Group)));
        Assert.Equal(TimeSpan.FromDays(1), trigger.RepeatInterval);
        Assert.True((await scheduler.GetJobDetail(TrendRecheckJob.Key))!.Durable);

        // A year of ordinary months with units, then this month: thirty battery complaints, coded, but no units yet.
        var thisMonth = TrendMonth.Of(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        var random = new Random(20261208);
        await (await quality.PutAsJsonAsync("/api/trending/denominators", new
        {
            modelId = model,
            months = Enumerable.Range(thisMonth - 12, 12).Select(m => new { month = TrendMonth.Format(m), units = 1000 }).ToArray(),
        })).ReadAsync<SetDenominators.View>();
        for (var month = thisMonth - 12; month < thisMonth; month++)
        {
            await SeedCodedAsync(quality, model, month, [.. Enumerable.Range(0, Poisson(random, 10)).Select(_ => new[] { "A0705" })]);
        }

        await SeedCodedAsync(quality, model, thisMonth, [.. Enumerable.Range(0, 30).Select(_ => new[] { "A0705" })]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecheckTrends>().RunAsync(CancellationToken.None);
        }

        Assert.False(await app.WithDbAsync(db => db.Set<TrendSignal>().AnyAsync(s => s.ModelId == model && s.Month == thisMonth)));

        // Quality enters the month's units; nobody codes anything. The next daily run finds the rise.
        await (await quality.PutAsJsonAsync("/api/trending/denominators", new { modelId = model, months = new[] { new { month = TrendMonth.Format(thisMonth), units = 1000 } } })).ReadAsync<SetDenominators.View>();
        await scheduler.TriggerJob(TrendRecheckJob.Key);

        await Eventually.HoldsAsync(async () => await app.WithDbAsync(db => db.Set<TrendSignal>().CountAsync(s => s.ModelId == model && s.Month == thisMonth)) == 2, Wait, "the re-check's signals");
        var codes = await app.WithDbAsync(db => db.Set<TrendSignal>().Where(s => s.ModelId == model && s.Month == thisMonth).Select(s => s.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(["A07", "A0705"], codes);
    }

    /// <summary>One complaint per entry, coded with its codes, aware mid-<paramref name="month"/>, for <paramref name="model"/>.</summary>
    private async Task SeedCodedAsync(HttpClient quality, string model, int month, params string[][] complaints)
    {
        var person = await (await app.CreateClientForRoleAsync(Roles.Agent)).CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var userId = await quality.MyIdAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var codes in complaints)
            {
                var awareness = TrendMonth.Start(month).AddDays(3).AddHours(3);
                var @case = new Case
                {
                    Number = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                    PersonId = person.Id,
                    Type = CaseType.Complaint,
                    HoldsComplaint = true,
                    Subject = "Pacing problem",
                    OwnerUserId = userId,
                    OpenedBy = userId,
                    OpenedAt = awareness,
                    UpdatedAt = awareness,
                    LastActivityAt = awareness,
                };
                var complaint = new Complaint { CaseId = @case.Id, PersonId = person.Id, AwarenessAt = awareness, ReceivingTimeZone = "Asia/Shanghai", FlaggedBy = userId, FlaggedAt = awareness };
                db.Cases.Add(@case);
                db.Set<Complaint>().Add(complaint);
                foreach (var code in codes)
                {
                    db.Set<ComplaintCode>().Add(new ComplaintCode { ComplaintId = complaint.Id, Annex = 'A', Code = code, Release = "2022", ModelId = model, Month = month, CodedBy = userId, CodedAt = awareness });
                }
            }

            return await db.SaveChangesAsync();
        });
    }

    private sealed record Seeded(int PlantedMonth, Guid LastComplaint);

    /// <summary>
    /// Thirteen months of 1,000 units each (entered by quality) and, per month, a Poisson(10) number of complaints coded
    /// <paramref name="code"/> drawn from a seeded generator; in the thirteenth, <paramref name="plantedComplaints"/>
    /// coded ones plus one more left uncoded for the test to code through the API.
    /// </summary>
    private async Task<Seeded> SeedNoiseAsync(HttpClient quality, string model, string code, int seed, int plantedComplaints)
    {
        var first = TrendMonth.Of(2024, 1);
        var planted = first + 12;
        await (await quality.PutAsJsonAsync("/api/trending/denominators", new
        {
            modelId = model,
            months = Enumerable.Range(first, 13).Select(m => new { month = TrendMonth.Format(m), units = 1000 }).ToArray(),
        })).ReadAsync<SetDenominators.View>();
        var random = new Random(seed);
        var person = await (await app.CreateClientForRoleAsync(Roles.Agent)).CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var userId = await quality.MyIdAsync();
        return await app.WithDbAsync(async db =>
        {
            Guid last = default;
            for (var month = first; month <= planted; month++)
            {
                var count = month == planted ? plantedComplaints + 1 : Poisson(random, 10);
                for (var i = 0; i < count; i++)
                {
                    var awareness = TrendMonth.Start(month).AddDays(10 + (i % 15)).AddHours(3);
                    var @case = new Case
                    {
                        Number = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                        PersonId = person.Id,
                        Type = CaseType.Complaint,
                        HoldsComplaint = true,
                        Subject = "Battery drains",
                        OwnerUserId = userId,
                        OpenedBy = userId,
                        OpenedAt = awareness,
                        UpdatedAt = awareness,
                        LastActivityAt = awareness,
                    };
                    var complaint = new Complaint { CaseId = @case.Id, PersonId = person.Id, AwarenessAt = awareness, ReceivingTimeZone = "Asia/Shanghai", FlaggedBy = userId, FlaggedAt = awareness };
                    db.Cases.Add(@case);
                    db.Set<Complaint>().Add(complaint);
                    last = complaint.Id;
                    if (month != planted || i < plantedComplaints)
                    {
                        db.Set<ComplaintCode>().Add(new ComplaintCode { ComplaintId = complaint.Id, Annex = 'A', Code = code, Release = "2022", ModelId = model, Month = month, CodedBy = userId, CodedAt = awareness });
                    }
                }
            }

            await db.SaveChangesAsync();
            return new Seeded(planted, last);
        });
    }

    /// <summary>Knuth's Poisson sampler: deterministic for a seeded generator.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var (k, p) = (0, 1.0);
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    /// <summary>A catalog model of its own, so each test's trend is its own.</summary>
    private Task<string> NewModelAsync() => app.WithDbAsync(async db =>
    {
        var maker = await db.Manufacturers.Select(m => m.Id).FirstAsync();
        var id = $"trend-{Guid.NewGuid():N}"[..20];
        db.ProductModels.Add(new ProductModel { Id = id, ManufacturerId = maker, Category = "bgm", NameEn = $"Trend meter {id}", NameZh = "趋势测试血糖仪" });
        await db.SaveChangesAsync();
        return id;
    });

    private async Task<GetComplaint.View> FlagAsync(HttpClient agent)
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Pump alarm silent" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        return await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
    }

    private sealed class CodesComparer : IEqualityComparer<GetComplaintCodes.View>
    {
        public bool Equals(GetComplaintCodes.View? x, GetComplaintCodes.View? y) =>
            x is not null && y is not null && x.Problem.SequenceEqual(y.Problem) && x.HealthEffect.SequenceEqual(y.HealthEffect);

        public int GetHashCode(GetComplaintCodes.View obj) => obj.Problem.Count;
    }
}
