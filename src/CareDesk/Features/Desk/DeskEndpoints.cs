using System.Security.Claims;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Features.Desk;

internal static class DeskEndpoints
{
    public static IServiceCollection AddDesk(this IServiceCollection services) => services.AddScoped<GetDesk>();

    public static IEndpointRouteBuilder MapDeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/desk", async (ClaimsPrincipal user, GetDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.RunAsync(StaffActor.From(user), UserClock.ZoneOf(user), ct)))
            .WithTags("Desk")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("My desk, the home page: my open cases by due time with their service level, my callbacks due today (and overdue), escalations waiting for me, my recent contacts; "
                + "for supervisors and admins also every team's queue with its open, warning and breached counts, the cases at risk and the escalations nobody has acknowledged. The people shown are an audited read.")
            .Produces<GetDesk.Desk>();
        return app;
    }
}
