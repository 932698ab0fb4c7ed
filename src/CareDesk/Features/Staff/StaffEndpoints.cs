using System.Globalization;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Features.Staff;

internal static class StaffEndpoints
{
    public sealed record TeamView(string Id, string Name, bool IsDepartment, IReadOnlyList<MemberView> Members);

    public sealed record MemberView(string UserId, string Name);

    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddScoped<TeamSeeder>();
        services.AddScoped<ListTeams>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Staff").RequireAuthorization(Policies.Staff);
        teams.MapGet("/", async (ListTeams list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("Teams and departments a case can be handed to, with their members.")
            .Produces<TeamView[]>();
        return app;
    }
}

/// <summary>Teams with their members, names in the reader's language; for handoff pickers and the API.</summary>
public sealed class ListTeams(CareDeskDbContext db)
{
    internal async Task<StaffEndpoints.TeamView[]> RunAsync(CancellationToken cancellationToken)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.IsDepartment).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking()
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. teams.Select(t => new StaffEndpoints.TeamView(
            t.Id, t.LocalName(chinese), t.IsDepartment,
            [.. members.Where(m => m.TeamId == t.Id).OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => new StaffEndpoints.MemberView(m.Id, m.DisplayName))]))];
    }
}
