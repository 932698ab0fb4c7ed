using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>Issue 11 item 8: photos of a device or a meter's screen on a case, checked by their first bytes, audited when opened.</summary>
public sealed class CaseAttachmentsTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Heic = [0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00, 0x00, 0x00, 0x00, .. "mif1heic"u8];
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    [Fact]
    public async Task A_photo_is_attached_listed_and_downloaded_with_its_bytes_and_every_download_is_an_audited_read_of_the_person()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);

        var added = await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(Jpeg, "meter screen.jpg", "application/octet-stream")))
            .ReadAsync<ListCaseAttachments.AttachmentView>(HttpStatusCode.Created);

        Assert.Equal(("meter screen.jpg", "image/jpeg", (long)Jpeg.Length, true), (added.FileName, added.ContentType, added.Length, added.MayOpen));
        var listed = await (await agent.GetAsync($"/api/cases/{opened.Id}/attachments")).ReadAsync<ListCaseAttachments.AttachmentView[]>();
        Assert.Equal(added.Id, Assert.Single(listed).Id);
        var timeline = (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Timeline;
        Assert.Equal(("attachment-added", "photo"), (timeline[^1].Kind, timeline[^1].Text));

        for (var i = 0; i < 2; i++)
        {
            var download = await agent.GetAsync($"/api/cases/{opened.Id}/attachments/{added.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Jpeg, await download.Content.ReadAsByteArrayAsync());
        }

        var reads = await app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(CaseAttachment) && e.EntityId == added.Id.ToString() && e.Action == "read").CountAsync());
        Assert.Equal(2, reads);
        var subjects = await app.WithDbAsync(db => db.AuditSubjects.Where(s => s.SubjectId == person.Id.ToString())
            .Join(db.AuditEntries, s => s.Sequence, e => e.Sequence, (s, e) => e.EntityType).Where(t => t == nameof(CaseAttachment)).CountAsync());
        Assert.Equal(2, subjects);
    }

    [Fact]
    public async Task A_file_is_taken_for_what_its_first_bytes_say_not_its_name_or_declared_type()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);

        // A script named like a photo and declared as one is refused, naming the file.
        var script = "<script>alert(1)</script>"u8.ToArray();
        var refused = await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(script, "meter.jpg", "image/jpeg"));
        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JPEG", Assert.Single(problem.Errors("file")), StringComparison.Ordinal);
        var gif = await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent([.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00], "screen.png", "image/png"));
        (await gif.ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");

        // Real files under any name: their kind comes from their bytes.
        foreach (var (bytes, name, type) in new[] { (Png, "IMG_0042", "image/png"), (Heic, "IMG_0043.HEIC", "image/heic"), (Pdf, "receipt.txt", "application/pdf") })
        {
            var added = await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(bytes, name, "text/plain")))
                .ReadAsync<ListCaseAttachments.AttachmentView>(HttpStatusCode.Created);
            Assert.Equal(type, added.ContentType);
        }

        // A PDF is saved, never shown from this site.
        var listed = await (await agent.GetAsync($"/api/cases/{opened.Id}/attachments")).ReadAsync<ListCaseAttachments.AttachmentView[]>();
        var pdf = await agent.GetAsync($"/api/cases/{opened.Id}/attachments/{listed.Single(a => a.ContentType == "application/pdf").Id}");
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(3, listed.Length);
    }

    [Fact]
    public async Task No_file_an_empty_one_or_one_over_the_limit_is_a_400_naming_file_and_nothing_is_stored()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        Jpeg.CopyTo(tooLarge, 0);

        (await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(tooLarge, "huge.jpg", "image/jpeg"))).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        (await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent([], "empty.jpg", "image/jpeg"))).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        (await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", noFile)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/attachments", new { file = "x" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");

        Assert.Equal(0, await app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == opened.Id)));
    }

    [Fact]
    public async Task A_masked_viewer_sees_that_files_exist_but_not_their_names_and_may_not_open_or_remove_them()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);
        var photo = await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(Jpeg, "王建国 meter.jpg", "image/jpeg")))
            .ReadAsync<ListCaseAttachments.AttachmentView>(HttpStatusCode.Created);

        var seen = Assert.Single(await (await outsourced.GetAsync($"/api/cases/{opened.Id}/attachments")).ReadAsync<ListCaseAttachments.AttachmentView[]>());
        Assert.Equal(("***", "image/jpeg", false), (seen.FileName, seen.ContentType, seen.MayOpen));
        (await (await outsourced.GetAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}")).ProblemAsync(HttpStatusCode.Forbidden)).Errors("attachmentId");
        (await (await outsourced.DeleteAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}")).ProblemAsync(HttpStatusCode.Forbidden)).Errors("attachmentId");
        var denied = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(CaseAttachment) && e.EntityId == photo.Id.ToString() && e.Action == "read-denied"));
        Assert.Equal(1, denied);

        // Adding is not reading what is there: a masked viewer may attach the photo the caller sent.
        var theirs = await outsourced.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(Png, "from caller.png", "image/png"));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == opened.Id)));
    }

    [Fact]
    public async Task Whoever_may_change_the_case_removes_a_file_and_a_field_rep_of_another_customer_may_not_touch_them()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);
        var photo = await (await agent.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(Jpeg, "meter.jpg", "image/jpeg")))
            .ReadAsync<ListCaseAttachments.AttachmentView>(HttpStatusCode.Created);

        await (await rep.GetAsync($"/api/cases/{opened.Id}/attachments")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.DeleteAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsync($"/api/cases/{opened.Id}/attachments", FileContent(Jpeg, "x.jpg", "image/jpeg"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.DeleteAsync($"/api/cases/{opened.Id}/attachments/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);

        var removed = await agent.DeleteAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(await (await agent.GetAsync($"/api/cases/{opened.Id}/attachments")).ReadAsync<ListCaseAttachments.AttachmentView[]>());
        await (await agent.GetAsync($"/api/cases/{opened.Id}/attachments/{photo.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var timeline = (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Timeline;
        Assert.Equal(["opened", "attachment-added", "attachment-removed"], timeline.Select(e => e.Kind));
    }

    internal static MultipartFormDataContent FileContent(byte[] bytes, string name, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
