using System.Net;
using System.Text;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using static CareDesk.IntegrationTests.Features.Imports.ImportTestKit;

namespace CareDesk.IntegrationTests.Features.Imports;

/// <summary>
/// A distributor's messy list through <c>POST /api/imports</c> and the background run: every row's outcome, the
/// duplicate rules, a family member's phone, the report and the queue, on the suite's database.
/// </summary>
public sealed class ImportTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_gb18030_list_with_duplicates_a_family_phone_and_bad_rows_imports_each_row_as_the_rules_say()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var model = await app.WithDbAsync(db => db.ProductModels.AsNoTracking().Where(m => m.NameZh != null).OrderBy(m => m.Id).FirstAsync());
        string m1 = TestValues.Mobile(), m2 = TestValues.Mobile(), m3 = TestValues.Mobile(), m4 = TestValues.Mobile(), m5 = TestValues.Mobile(), m6 = TestValues.Mobile();
        var serial = $"SN{Guid.NewGuid():N}"[..12];
        var csv = Csv(
            Gb18030,
            ChineseHeader,
            $"1,陈建国,男,1950-01-02,{m1},,浙江,杭州,\"西湖区文三路1号, 3幢\n2单元\",2024/05/01,{model.NameZh},{serial},",
            $"2,陳建國,男,,{m1},,,,,,,,",
            $"3,Chen Jianguo,男,,{m1},,,,,,,,",
            $"4,李秀英,女,1948年7月3日,{m2},,,,,,,,女儿手机",
            $"5,张丽,女,1975-09-09,{m2},,,,,,,,",
            $"6,赵强,男,,{m1},,,,,,,,",
            $"7,陈建国,男,1950/1/2,{m3},,,,,,,,",
            $"8,刘洋,男,,138****1234,,,,,,,,",
            $"9,孙伟,男,2023-02-30,{m4},,,,,,,,",
            "10,周杰",
            $"11,王伟,男,1990-01-01,{m5},,,,,,,,",
            $"12,王伟,男,1985-05-05,{m6},,,,,,,,");

        var id = await supervisor.StartAsync(Form([(csv, "华东经销商.csv")], $"华东经销商 {Guid.NewGuid():N}"));
        var view = await supervisor.CompletedAsync(id);

        Assert.Equal("gb18030", view.Files[0].Encoding);
        Assert.Equal("zh", view.Files[0].HeaderLanguage);
        Assert.Equal(4, view.Files[0].Mapping["mobile"]);
        Assert.Equal(new(12, 12, 9, 3, 6, 0, 3, 1), view.Counts);
        Assert.Equal(100, view.Progress.Percent);

        var rows = (await supervisor.RowsAsync(id)).ToDictionary(r => r.Record);
        Assert.Equal("created", rows[1].Status);
        var chen = rows[1].PersonId!.Value;
        Assert.Equal(("duplicate", "phone+traditional", chen, 1), (rows[2].Status, rows[2].Basis, rows[2].PersonId!.Value, rows[2].DuplicateOf!.Record));
        Assert.Equal(("duplicate", "phone+pinyin", chen), (rows[3].Status, rows[3].Basis, rows[3].PersonId!.Value));
        Assert.Equal(("duplicate", "name+dob", chen), (rows[7].Status, rows[7].Basis, rows[7].PersonId!.Value));
        Assert.Contains("for_review", rows[7].Notes);
        Assert.All(new[] { 4, 5, 6, 11, 12 }, r => Assert.Equal("created", rows[r].Status));
        Assert.NotEqual(rows[11].PersonId, rows[12].PersonId);
        Assert.Contains("family_phone", rows[6].Notes);
        // A quoted comma and line break are data; the address is one line once normalized.
        Assert.Equal("西湖区文三路1号, 3幢 2单元", rows[1].Values!.Address);
        Assert.Equal(model.Id, rows[1].Values!.ModelId);

        var masked = Assert.Single(rows[8].Errors);
        Assert.Equal(("mobile", "手机号码", "masked", "138****1234"), (masked.Field, masked.Column, masked.Reason, masked.Raw));
        Assert.Equal(("dob", "impossible_date"), (rows[9].Errors[0].Field, rows[9].Errors[0].Reason));
        Assert.Equal(("column_count", (string?)null), (rows[10].Errors[0].Reason, rows[10].Errors[0].Field));
        Assert.Null(rows[8].PersonId);

        await app.WithDbAsync(async db =>
        {
            // 陈建国 keeps both his numbers; 赵强 and the pinyin row did not become another person of m1.
            var phones = await db.ContactPoints.Where(c => c.PersonId == chen).Select(c => c.Value).OrderBy(v => v).ToListAsync();
            Assert.Equal(new[] { "+86" + m1, "+86" + m3 }.Order(), phones);
            Assert.Equal(1, await db.ContactPoints.CountAsync(c => c.Value == "+86" + m1));
            var zhao = rows[6].PersonId!.Value;
            Assert.True(await db.Relationships.AnyAsync(r => r.FromPersonId == chen && r.ToPersonId == zhao && r.Kind == RelationshipKind.CaregiverOf));
            // The mother gave her daughter's number: the daughter, met next, is her caregiver and owns the number.
            var (mother, daughter) = (rows[4].PersonId!.Value, rows[5].PersonId!.Value);
            Assert.True(await db.Relationships.AnyAsync(r => r.FromPersonId == daughter && r.ToPersonId == mother && r.Kind == RelationshipKind.CaregiverOf));
            Assert.Equal("mobile", (await db.ContactPoints.SingleAsync(c => c.PersonId == daughter)).Type);
            Assert.Equal("family", (await db.ContactPoints.SingleAsync(c => c.PersonId == mother)).Type);
            var device = await db.Devices.SingleAsync(d => d.PersonId == chen);
            Assert.Equal((model.Id, serial, new DateOnly(2024, 5, 1), (Guid?)id), (device.ModelId, device.SerialNumber, device.PurchaseDate, device.Provenance.ImportId));
            var address = await db.Addresses.SingleAsync(a => a.PersonId == chen);
            Assert.Equal(("杭州", "浙江", "CN", FactSource.Distributor), (address.City, address.Region, address.Country, address.Provenance.Source));
            Assert.Equal(new DateOnly(1950, 1, 2), (await db.People.SingleAsync(p => p.Id == chen)).DateOfBirth);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "ImportRun" && a.EntityId == id.ToString() && a.Action == "imported"));
            // The batch is one entry naming everyone it created or touched: "who changed this person" finds it.
            var batch = await db.AuditEntries.SingleAsync(a => a.EntityType == "ImportRun" && a.EntityId == id.ToString() && a.Action == "imported-rows");
            Assert.True(await db.AuditSubjects.AnyAsync(s => s.Sequence == batch.Sequence && s.SubjectId == chen.ToString()));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == chen.ToString()));
            return 0;
        });

        var queue = await (await supervisor.GetAsync("/api/imports/duplicate-candidates")).ReadAsync<List<CareDesk.Features.Imports.DuplicateCandidates.View>>();
        var candidate = Assert.Single(queue, c => c.ImportId == id);
        Assert.Equal((chen, 7, "name+dob"), (candidate.PersonId, candidate.Record, candidate.Basis));
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/imports/duplicate-candidates/{candidate.Id}/confirm", null)).StatusCode);
        await (await supervisor.PostAsync($"/api/imports/duplicate-candidates/{candidate.Id}/reject", null)).ProblemAsync(HttpStatusCode.Conflict);

        // The caller lookup finds 陈建国 by the number 赵强's row gave, and finds no second 陈建国.
        var invalidOnly = await supervisor.RowsAsync(id, "invalid");
        Assert.Equal(new[] { 8, 9, 10 }, invalidOnly.Select(r => r.Record));
    }

    [Fact]
    public async Task A_row_naming_someone_already_in_caredesk_updates_that_profile_and_the_same_files_again_are_recognised()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = TestValues.Mobile();
        var known = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("黄晓明", mobile));
        var other = TestValues.Mobile();
        var csv = Csv(new UTF8Encoding(true), "Name,Mobile,Phone,DOB,City", $"Huang Xiaoming,{mobile},,1977-11-13,Qingdao", $"黄晓明,{other},,1977-11-13,青岛");
        var source = $"Rep {Guid.NewGuid():N}";

        var id = await supervisor.StartAsync(Form([(csv, "rep.csv")], source));
        var view = await supervisor.CompletedAsync(id);

        Assert.Equal(("utf-8-bom", "en"), (view.Files[0].Encoding, view.Files[0].HeaderLanguage));
        var rows = await supervisor.RowsAsync(id);
        Assert.Equal(("updated", "phone+pinyin", known.Id), (rows[0].Status, rows[0].Basis, rows[0].PersonId!.Value));
        // The date of birth the first row added makes the second row (a new number) the same person.
        Assert.Equal(("duplicate", "name+dob", known.Id), (rows[1].Status, rows[1].Basis, rows[1].PersonId!.Value));
        var profile = await agent.GetPersonAsync(known.Id);
        Assert.Equal(new DateOnly(1977, 11, 13), profile.DateOfBirth);
        Assert.Contains(profile.Phones, p => p.Number == "+86" + other);

        var again = await (await supervisor.PostAsync("/api/imports", Form([(csv, "rep-copy.csv")], source))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(id.ToString(), again.Detail);
        var forced = await supervisor.StartAsync(Form([(csv, "rep-copy.csv")], source, force: true));
        var repeated = await supervisor.CompletedAsync(forced);
        Assert.Equal((0, 1, 1), (repeated.Counts.Created, repeated.Counts.Updated, repeated.Counts.Duplicates));
    }

    [Fact]
    public async Task A_dry_run_reports_every_row_and_stores_no_one()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var mobile = TestValues.Mobile();
        var csv = Csv(new UTF8Encoding(false), "姓名;手机", $"吴磊;{mobile}", $"吳磊;{mobile}", "吴;12");

        var id = await supervisor.StartAsync(Form([(csv, "dry.csv")], $"Dry {Guid.NewGuid():N}", dryRun: true));
        var view = await supervisor.CompletedAsync(id);

        Assert.Equal((1, 1, 1), (view.Counts.Created, view.Counts.Duplicates, view.Counts.Invalid));
        Assert.Equal(";", view.Files[0].Delimiter);
        var rows = await supervisor.RowsAsync(id);
        Assert.Equal(("duplicate", "phone+traditional"), (rows[1].Status, rows[1].Basis));
        Assert.Equal(new[] { "too_short", "invalid_number" }, rows[2].Errors.Select(e => e.Reason));
        Assert.False(await app.WithDbAsync(db => db.ContactPoints.AnyAsync(c => c.Value == "+86" + mobile)));
    }

    [Fact]
    public async Task Files_that_cannot_be_imported_are_refused_naming_the_file_and_nothing_is_kept()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var source = $"Bad {Guid.NewGuid():N}";
        var imports = await app.WithDbAsync(db => db.Imports.CountAsync());

        var empty = await (await supervisor.PostAsync("/api/imports", Form([([], "empty.csv")], source))).ProblemAsync(HttpStatusCode.BadRequest);
        empty.Errors("files[0]");
        var pdf = await (await supervisor.PostAsync("/api/imports", Form([(Encoding.ASCII.GetBytes("%PDF-1.4\n\u0001\u0002\u0003binary"), "list.pdf")], source))).ProblemAsync(HttpStatusCode.BadRequest);
        pdf.Errors("files[0]");
        var noName = Csv(new UTF8Encoding(false), "序号,手机", $"1,{TestValues.Mobile()}");
        var unnamed = await (await supervisor.PostAsync("/api/imports", Form([(Csv(new UTF8Encoding(false), "姓名,手机", $"王芳,{TestValues.Mobile()}"), "ok.csv"), (noName, "noname.csv")], source))).ProblemAsync(HttpStatusCode.BadRequest);
        unnamed.Errors("mapping[1].name");
        var noSource = await (await supervisor.PostAsync("/api/imports", Form([(noName, "x.csv")], " "))).ProblemAsync(HttpStatusCode.BadRequest);
        noSource.Errors("sourceName");
        var badMapping = await (await supervisor.PostAsync("/api/imports", Form([(noName, "x.csv")], source, mapping: "[{\"name\": 9}]"))).ProblemAsync(HttpStatusCode.BadRequest);
        badMapping.Errors("mapping[0].name");

        Assert.Equal(imports, await app.WithDbAsync(db => db.Imports.CountAsync()));
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/imports", Form([(noName, "x.csv")], source))).StatusCode);
    }

    [Fact]
    public async Task A_column_the_synonyms_do_not_know_is_mapped_by_hand_and_the_source_remembers_it()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var source = $"Mapped {Guid.NewGuid():N}";
        var mobile = TestValues.Mobile();
        var csv = Csv(new UTF8Encoding(false), "客户,客户联系方式", $"郑爽,{mobile}");

        var guessed = await (await supervisor.PostAsync("/api/imports/preview", Form([(csv, "a.csv")], source))).ReadAsync<List<CareDesk.Features.Imports.InspectedFile>>();
        Assert.False(guessed[0].Mapping.ContainsKey("mobile"));

        var id = await supervisor.StartAsync(Form([(csv, "a.csv")], source, mapping: "[{\"name\": 0, \"mobile\": 1}]"));
        var rows = await supervisor.RowsAsync((await supervisor.CompletedAsync(id)).Id);
        Assert.Equal("created", rows[0].Status);

        // A file whose name column is not recognised is still previewed, for the person to choose it.
        var nameless = await (await supervisor.PostAsync("/api/imports/preview", Form([(Csv(new UTF8Encoding(false), "联系人称呼,常用号码", $"郑爽,{mobile}"), "c.csv")], $"Other {Guid.NewGuid():N}"))).ReadAsync<List<CareDesk.Features.Imports.InspectedFile>>();
        Assert.False(nameless[0].Mapping.ContainsKey("name"));
        Assert.Equal(new[] { "联系人称呼", "常用号码" }, nameless[0].Headers);

        var remembered = await (await supervisor.PostAsync("/api/imports/preview", Form([(csv, "b.csv")], source.ToUpperInvariant()))).ReadAsync<List<CareDesk.Features.Imports.InspectedFile>>();
        Assert.Equal(1, remembered[0].Mapping["mobile"]);
    }
}
