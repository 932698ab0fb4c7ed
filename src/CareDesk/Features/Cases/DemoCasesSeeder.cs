using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// Demo mode with sample cases (<c>Demo__SampleCases</c>, set by <c>run.sh</c>): a few cases from PRODUCT.md's stories
/// for the demo people, opened, noted and promised through the same use cases an agent's desk calls, so a first look
/// at the desk, the queues and the case page has something in it. Runs once, on an empty cases table; the test hosts
/// leave it off, so their case counts are their own.
/// </summary>
internal sealed class DemoCasesSeeder(
    CareDeskDbContext db,
    OpenCase open,
    AddCaseNote note,
    PromiseCallback callbacks,
    IOptions<DemoOptions> demo,
    TimeProvider time) : IDataSeeder
{
    /// <summary>After the demo people (50) and the teams and service levels the cases refer to.</summary>
    public int Order => 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled || !demo.Value.SampleCases || await db.Cases.AnyAsync(cancellationToken))
        {
            return;
        }

        var agentId = await db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.Agent)).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var people = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.DisplayName, Device = db.Devices.Where(d => d.PersonId == p.Id).OrderBy(d => d.SerialNumber).Select(d => (Guid?)d.Id).FirstOrDefault() })
            .ToDictionaryAsync(p => p.DisplayName, cancellationToken);
        if (agentId is null || !people.TryGetValue("王建国", out var grandfather) || !people.TryGetValue("李小宝", out var child) || !people.TryGetValue("Mary Smith", out var mary))
        {
            return;
        }

        var agent = new StaffActor(agentId, OwnCustomersOnly: false);

        // Story 2: the daughter reads the meter's screen out; the agent promised to call back once the spare arrives.
        var meter = await OpenAsync(new OpenCase.Request(grandfather.Id, "technical-support", "high", "血糖仪显示 E-3",
            "换了电池仍然显示错误。", grandfather.Device));
        Check(await note.RunAsync(meter, new AddCaseNote.Request("已请家属读出屏幕上的文字：E-3。"), agent, cancellationToken), "note");
        Check(await callbacks.RunAsync(meter, new PromiseCallback.Request(time.GetUtcNow().AddHours(3), "告知备用血糖仪的寄送时间。"), agent, cancellationToken), "callback");

        // Story 1: strips that fit, in English; and a night-time pump question waiting in the front line's queue.
        await OpenAsync(new OpenCase.Request(mary.Id, "question", null, "Which strips fit my meter?", "Asked for the nearest pharmacy that sells them.", mary.Device));
        await OpenAsync(new OpenCase.Request(child.Id, "technical-support", "urgent", "胰岛素泵夜间没有报警", "母亲来电：昨夜血糖偏低，泵没有报警。",
            child.Device, OwnerTeam: "front-line"));

        async Task<Guid> OpenAsync(OpenCase.Request request) => Check(await open.RunAsync(request, agent, cancellationToken), request.Subject);

        static Guid Check(Result<Guid> result, string what) =>
            result.Succeeded ? result.Value : throw new InvalidOperationException($"Demo {what} was refused: {result.Failure!.Field} {result.Failure.MessageKey}.");
    }
}
