using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.NothingLost;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.BrowserTests.Infrastructure;

/// <summary>
/// Records of the demo data for tests that visit every page: 王建国 (his page, his meter's model, his number to ring),
/// a case about his meter with a note, owned by the demo agent, and a handover report.
/// </summary>
public sealed record DemoRecords(Guid Person, Guid Case, Guid Handover, string Model, string CallerPhone, Guid Complaint)
{
    /// <summary>Finds them, creating the case and the report the first time.</summary>
    public static async Task<DemoRecords> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-tests");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var person = await db.People.Where(p => p.DisplayName == "王建国").Select(p => p.Id).SingleAsync();
        var device = await db.Devices.Where(d => d.PersonId == person).Select(d => new { d.Id, d.ModelId }).FirstAsync();
        var phone = await db.ContactPoints.Where(c => c.PersonId == person).Select(c => c.Value).FirstAsync();
        var agent = await db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.Agent)).Select(u => u.Id).SingleAsync();
        var actor = new StaffActor(agent, OwnCustomersOnly: false);
        var caseId = await db.Cases.Where(c => c.PersonId == person).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (caseId is null)
        {
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
                new OpenCase.Request(person, "technical-support", "high", "血糖仪显示 E-3", "换了电池仍然显示错误。", device.Id), actor, CancellationToken.None);
            caseId = opened.Value;
            await scope.ServiceProvider.GetRequiredService<AddCaseNote>().RunAsync(caseId.Value, new AddCaseNote.Request("已请家属读出屏幕上的文字。"), actor, CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<ProduceHandover>().RunAsync(CancellationToken.None);
        var handover = await db.HandoverReports.Select(h => h.Id).FirstAsync();
        // A complaint file, on a case of 李小宝's (his pump), so 王建国's case stays a question.
        var complaint = await db.Set<Complaint>().Join(db.People.Where(p => p.DisplayName == "李小宝"), c => c.PersonId, p => p.Id, (c, p) => (Guid?)c.Id).FirstOrDefaultAsync();
        if (complaint is null)
        {
            var child = await db.People.Where(p => p.DisplayName == "李小宝").Select(p => p.Id).FirstAsync();
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
                new OpenCase.Request(child, "question", null, "胰岛素泵夜间没有报警"), actor, CancellationToken.None);
            complaint = (await scope.ServiceProvider.GetRequiredService<FlagComplaint>()
                .RunAsync(opened.Value, new FlagComplaint.Request(), actor, TimeZoneInfo.Utc, CancellationToken.None)).Value;
        }

        return new DemoRecords(person, caseId.Value, handover, device.ModelId, phone, complaint.Value);
    }
}
