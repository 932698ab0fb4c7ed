using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.NothingLost;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.NothingLost;

/// <summary>
/// Each branch of each nothing-lost rule, asked directly at an instant the test names (no shared clock): the limit of
/// every case status, an escalation that ran out of experts, the on-call exemption, and a finding raised again after
/// its condition cleared and came back.
/// </summary>
public sealed class FindingRuleBranchTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private static readonly NothingLostOptions Limits = new();

    [Theory]
    [InlineData(CaseStatus.New, 15)]
    [InlineData(CaseStatus.InProgress, 24 * 60)]
    [InlineData(CaseStatus.WaitingOnCustomer, 3 * 24 * 60)]
    public async Task A_case_is_idle_only_past_the_limit_of_its_status(CaseStatus status, int limitMinutes)
    {
        var caseId = await OpenCaseAsync();
        var lastActivity = await app.WithDbAsync(async db =>
        {
            var stored = await db.Cases.SingleAsync(c => c.Id == caseId);
            stored.Status = status;
            await db.SaveChangesAsync();
            return stored.LastActivityAt;
        });
        var limit = TimeSpan.FromMinutes(limitMinutes);

        Assert.DoesNotContain(caseId.ToString(), await IdleAsync(lastActivity + limit - TimeSpan.FromMinutes(1)));
        Assert.Contains(caseId.ToString(), await IdleAsync(lastActivity + limit + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task An_escalation_that_ran_out_of_experts_is_raised_while_its_case_is_open_only()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var caseId = await OpenCaseAsync(agent);
        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{caseId}/escalations", new { note = "Night call about an occlusion alarm." }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var escalation = Assert.Single(escalated.Escalations);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.DoesNotContain(escalation.Id.ToString(), await DetectAsync<UnacknowledgedEscalationRule>(now));

        // Every expert of the chain missed their deadline: the escalation ran out.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Escalations.SingleAsync(e => e.Id == escalation.Id);
            stored.Status = EscalationStatus.Exhausted;
            return await db.SaveChangesAsync();
        });
        Assert.Contains(escalation.Id.ToString(), await DetectAsync<UnacknowledgedEscalationRule>(now));
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Cases.SingleAsync(c => c.Id == caseId);
            stored.Status = CaseStatus.Resolved;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(escalation.Id.ToString(), await DetectAsync<UnacknowledgedEscalationRule>(now));
    }

    [Fact]
    public async Task An_owner_off_shift_is_exempt_while_on_call()
    {
        var (_, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var owner = await app.CreateClientForAsync(user.Email, user.Password);
        await OpenCaseAsync(owner);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(1);
        await app.WithDbAsync(db =>
        {
            // A day shift that ended three hours before "now": past the handover grace.
            db.WorkShifts.Add(new WorkShift { UserId = view.Id, TeamId = TeamSeeder.FrontLine, StartsAt = now.AddHours(-15), EndsAt = now.AddHours(-3) });
            return db.SaveChangesAsync();
        });

        Assert.Contains(view.Id, await DetectAsync<OwnerOffShiftRule>(now));

        await app.WithDbAsync(db =>
        {
            db.OnCallShifts.Add(new OnCallShift { TeamId = TeamSeeder.Experts, StartsAt = now.AddHours(-1), EndsAt = now.AddHours(11), PrimaryUserId = view.Id, BackupUserIds = [] });
            return db.SaveChangesAsync();
        });

        Assert.DoesNotContain(view.Id, await DetectAsync<OwnerOffShiftRule>(now));
    }

    [Fact]
    public async Task A_finding_cleared_and_come_back_is_raised_again_as_a_new_finding()
    {
        var caseId = await OpenCaseAsync();
        var opened = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.LastActivityAt).SingleAsync());
        var clock = new FakeTimeProvider(opened + Limits.NewIdleAfter + TimeSpan.FromMinutes(1));

        await ScanAsync(clock);
        var first = Assert.Single(await FindingsAsync(caseId));
        Assert.Null(first.ResolvedAt);

        // New activity clears it; idle again past the limit raises it again: a second finding, the first stays resolved.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Cases.SingleAsync(c => c.Id == caseId);
            stored.LastActivityAt = clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        await ScanAsync(clock);
        clock.Advance(Limits.NewIdleAfter + TimeSpan.FromMinutes(1));
        await ScanAsync(clock);

        var findings = await FindingsAsync(caseId);
        Assert.Equal(2, findings.Count);
        Assert.NotNull(findings[0].ResolvedAt);
        Assert.Null(findings[1].ResolvedAt);
    }

    private async Task<Guid> OpenCaseAsync(HttpClient? agent = null)
    {
        agent ??= await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rule Branch"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Strips" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        return opened.Id;
    }

    private Task<IReadOnlyList<string>> IdleAsync(DateTimeOffset now) => DetectAsync<IdleCaseRule>(now);

    private async Task<IReadOnlyList<string>> DetectAsync<TRule>(DateTimeOffset now)
        where TRule : IFindingRule
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rule = scope.ServiceProvider.GetServices<IFindingRule>().OfType<TRule>().Single();
        return [.. (await rule.DetectAsync(now, 100_000, CancellationToken.None)).Select(d => d.Subject)];
    }

    private async Task ScanAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        var scan = new DetectLostWork(
            services.GetRequiredService<CareDeskDbContext>(),
            services.GetServices<IFindingRule>(),
            services.GetRequiredService<IOptions<NothingLostOptions>>(),
            services.GetRequiredService<FindingsHub>(),
            clock);
        await scan.RunAsync(CancellationToken.None);
    }

    private Task<List<Finding>> FindingsAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Findings.AsNoTracking().Where(f => f.Rule == "case-idle" && f.Subject == caseId.ToString()).OrderBy(f => f.RaisedAt).ToListAsync());
}
