using System.Security.Claims;
using CareDesk.Platform;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Staff;

internal static class StaffEndpoints
{
    public sealed record TeamView(string Id, string Name, bool IsDepartment, IReadOnlyList<MemberView> Members);

    public sealed record MemberView(string UserId, string Name);

    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddValidatedOptions<ShiftOptions>(ShiftOptions.Section);
        services.AddDataSeeder<TeamSeeder>();
        services.AddScoped<ListTeams>();
        services.AddScoped<Roster>();
        services.AddScoped<WorkShifts>();
        services.AddScoped<ApplyShiftTemplate>();
        services.AddScoped<WhoIsOnShift>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<SetSkills>();
        services.AddScoped<SetPresence>();
        services.AddDataSeeder<ShiftSeeder>();
        services.AddLiveChannel<PresenceHub>();
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
                return saved.ToCreated(text, v => $"/api/roster/{v}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add an on-call shift for a team (supervisors): start, end, primary and backups in escalation order; shifts of a team do not overlap.")
            .Produces<Guid>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        roster.MapPut("/{id:guid}", async (Guid id, Roster.ShiftInput input, Roster save, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {

                var saved = await save.SaveAsync(id, input, ct);
                return saved.ToOk(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change an on-call shift (supervisors); send the version you read (409 if it changed).")
            .Produces<Guid>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        roster.MapDelete("/{id:guid}", async (Guid id, Roster remove, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {
                var removed = await remove.DeleteAsync(id, ct);
                return removed.ToNoContent(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Remove an on-call shift (supervisors).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapStaffDirectory(app);
        MapWorkShifts(app);
        return app;
    }

    private static void MapStaffDirectory(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", async (StaffDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.ListAsync(ct)))
            .WithSummary("Every enabled staff member with roles, teams, skills (languages, products, tier), presence and current work shift.")
            .Produces<StaffDirectory.StaffMember[]>();
        staff.MapPut("/{userId}/skills", async (string userId, SetSkills.Request request, SetSkills set, IStringLocalizer<StaffText> text, CancellationToken ct) =>
                (await set.RunAsync(userId, request, ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Record a user's skills (supervisors): language codes, catalog manufacturer or model ids, tier 1–3; send the version read (null for the first record; 409 if it changed).")
            .Produces<StaffDirectory.SkillsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/me/presence", async (ClaimsPrincipal user, SetPresence presence, CancellationToken ct) =>
                TypedResults.Ok(await presence.GetAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct)))
            .WithSummary("My presence as others see it, and my choice while it holds (see docs/staff.md for the rule).")
            .Produces<SetPresence.View>();
        staff.MapPut("/me/presence", async (SetPresence.Request request, ClaimsPrincipal user, SetPresence presence, IStringLocalizer<StaffText> text, CancellationToken ct) =>
                (await presence.RunAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", request, ct)).ToOk(text))
            .WithSummary("Say my presence: available, busy, away or off-shift; it holds until my next shift starts or ends. Supervisors see it live.")
            .Produces<SetPresence.View>()
            .ProducesValidationProblem();
    }

    private static void MapWorkShifts(IEndpointRouteBuilder app)
    {
        var shifts = app.MapGroup("/api/shifts").WithTags("Staff").RequireAuthorization(Policies.Staff);
        shifts.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, string? team, string? user, WorkShifts list, TimeProvider clock, CancellationToken ct) =>
            {
                var start = from ?? clock.GetUtcNow().AddDays(-1);
                return TypedResults.Ok(await list.ListAsync(start, to ?? start.AddDays(8), team, user, ct));
            })
            .WithSummary("Work shifts overlapping [from, to) (default: from yesterday, eight days), of a team and/or a user.")
            .Produces<WorkShifts.ShiftView[]>();
        shifts.MapGet("/on-shift", async (DateTimeOffset? at, string? team, WhoIsOnShift onShift, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok((await onShift.UsersOnShiftAsync(at ?? clock.GetUtcNow(), team, ct)).Order(StringComparer.Ordinal).ToArray()))
            .WithSummary("The ids of the users on a work shift at a moment (default: now), of a team when given.")
            .Produces<string[]>();
        shifts.MapPost("/", async (WorkShifts.ShiftInput input, WorkShifts save, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {
                var saved = await save.SaveAsync(null, input, ct);
                return saved.ToCreated(text, v => $"/api/shifts/{v.Id}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add one work shift (supervisors): a team member, start, end (at most 24 h); one user's shifts do not overlap (400 naming startsAt).")
            .Produces<WorkShifts.ShiftView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        shifts.MapPost("/template", async (ApplyShiftTemplate.Request request, ApplyShiftTemplate apply, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {
                var applied = await apply.RunAsync(request, ct);
                return applied.ToCreated(text, v => $"/api/shifts?team={request.TeamId}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Apply the two-shift 24/7 template to a team for local days [from, to] (supervisors): day and night shifts, members in turn; refused whole (400 naming from) when a member would work two shifts at once.")
            .Produces<WorkShifts.ShiftView[]>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        shifts.MapPut("/{id:guid}", async (Guid id, WorkShifts.ShiftInput input, WorkShifts save, IStringLocalizer<StaffText> text, CancellationToken ct) =>
                (await save.SaveAsync(id, input, ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change a work shift (supervisors); send the version you read (409 if it changed).")
            .Produces<WorkShifts.ShiftView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        shifts.MapDelete("/{id:guid}", async (Guid id, WorkShifts remove, IStringLocalizer<StaffText> text, CancellationToken ct) =>
            {
                var removed = await remove.DeleteAsync(id, ct);
                return removed.ToNoContent(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Remove a work shift (supervisors).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
