using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>
/// A case's last activity is kept by <c>CaseActivity</c>, an interceptor the Cases feature registers and the context
/// runs before the audit trail collects a save: so the move is saved and audited with the entry that caused it.
/// </summary>
public sealed class CaseActivityTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_note_moves_the_cases_last_activity_in_the_same_audited_save()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("陈静"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", subject = "Sensor error" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        var noted = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "Sensor replaced" })).ReadAsync<GetCase.View>();

        var caseId = opened.Id.ToString();
        var (lastActivity, changes) = await app.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == opened.Id).Select(c => c.LastActivityAt).SingleAsync(),
            await db.AuditEntries.Where(e => e.EntityType == nameof(Case) && e.EntityId == caseId && e.Action == AuditTrail.Updated)
                .Select(e => e.Changes).ToListAsync()));
        Assert.Equal(noted.Timeline[^1].At, lastActivity);
        Assert.True(lastActivity > opened.OpenedAt, "the note came after the opening");
        Assert.Contains(changes, c => c is not null && c.Contains("\"LastActivityAt\"", StringComparison.Ordinal));
    }
}
