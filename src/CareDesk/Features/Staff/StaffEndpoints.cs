using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Staff;

internal static class StaffEndpoints
{
    public sealed record TeamView(string Id, string Name, bool IsDepartment, IReadOnlyList<MemberView> Members);

    public sealed record MemberView(string UserId, string Name);

    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddScoped<TeamSeeder>();
        services.AddScoped<ListTeams>();
        services.AddScoped<Roster>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Staff").RequireAuthorization(Policies.Staff);
        teams.MapGet("/", async (ListTeams list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("Teams and departments a case can be handed to, with their members.")
            .Produces<TeamView[]>();

        var roster = app.MapGroup("/api/roster").WithTags("Staff").RequireAuthorization(Policies.Staff);
        roster.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, string? team, Roster list, TimeProvider clock, CancellationToken ct) =>
            {
                var start = from ?? clock.GetUtcNow().AddDays(-1);
                return TypedResults.Ok(await list.ListAsync(start, to ?? start.AddDays(14), team, ct));
            })
            .WithSummary("On-call shifts overlapping [from, to) (default: from yesterday, two weeks), with each shift's chain: primary, then backups.")
            .Produces<Roster.ShiftView[]>();
        roster.MapPost("/", async (Roster.ShiftInput input, Roster save, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {

                var saved = await save.SaveAsync(null, input, ct);
                return saved.Succeeded ? TypedResults.Created($"/api/roster/{saved.Value}", saved.Value) : saved.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add an on-call shift for a team (supervisors): start, end, primary and backups in escalation order; shifts of a team do not overlap.")
            .Produces<Guid>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        roster.MapPut("/{id:guid}", async (Guid id, Roster.ShiftInput input, Roster save, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {

                var saved = await save.SaveAsync(id, input, ct);
                return saved.Succeeded ? TypedResults.Ok(saved.Value) : saved.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change an on-call shift (supervisors); send the version you read (409 if it changed).")
            .Produces<Guid>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        roster.MapDelete("/{id:guid}", async (Guid id, Roster remove, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {
                var removed = await remove.DeleteAsync(id, ct);
                return removed.Succeeded ? (IResult)TypedResults.NoContent() : removed.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Remove an on-call shift (supervisors).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}

/// <summary>Teams with their members, names in the reader's language; for handoff pickers and the API.</summary>
public sealed class ListTeams(CareDeskDbContext db)
{
    internal async Task<StaffEndpoints.TeamView[]> RunAsync(CancellationToken cancellationToken)
    {
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.IsDepartment).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking()
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. teams.Select(t => new StaffEndpoints.TeamView(
            t.Id, t.LocalName(chinese), t.IsDepartment,
            [.. members.Where(m => m.TeamId == t.Id).OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => new StaffEndpoints.MemberView(m.Id, m.DisplayName))]))];
    }
}
