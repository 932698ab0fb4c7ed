using System.Security.Claims;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Users;

internal static class UsersEndpoints
{
    public sealed record DisableRequest(string? Version);

    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUser>();
        services.AddScoped<SetUserDisabled>();
        services.AddScoped<UpdateMyPreferences>();
        services.AddScoped<Platform.OperationScope>();
        return services;
    }

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);

        users.MapGet("/", async (ListUsers list, string? search, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(search, ct)))
            .WithSummary("List staff accounts (admin).");

        users.MapPost("/", async (CreateUser.Request request, CreateUser create, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var result = await create.RunAsync(request, ct);
                return result.ToCreated(text, v => $"/api/users/{v.Id}");
            })
            .WithSummary("Create a staff account with roles, language and time zone (admin).")
            .Produces<UserView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        users.MapPut("/{id}", async (string id, UpdateUser.Request request, UpdateUser update, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(text))
            .WithSummary("Change a user's name, roles, language and time zone; send the version you read (409 if it changed).")
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("/{id}/disable", async (string id, DisableRequest? request, SetUserDisabled set, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await set.RunAsync(id, disabled: true, request?.Version, ct)).ToOk(text))
            .WithSummary("Disable an account: it cannot sign in and its sessions and tokens stop working.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/{id}/enable", async (string id, DisableRequest? request, SetUserDisabled set, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await set.RunAsync(id, disabled: false, request?.Version, ct)).ToOk(text))
            .WithSummary("Re-enable a disabled account.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var me = app.MapGroup("/api/me").WithTags("Users").RequireAuthorization(Policies.Staff);

        me.MapGet("/", async (ClaimsPrincipal principal, UserManager<User> userManager) =>
                await userManager.GetUserAsync(principal) is { } user
                    ? Results.Ok(UserView.From(user, await userManager.GetRolesAsync(user)))
                    : Results.NotFound())
            .WithSummary("The signed-in user's account.")
            .Produces<UserView>();

        me.MapPut("/preferences", async (ClaimsPrincipal principal, UpdateMyPreferences.Request request, UpdateMyPreferences update, UserManager<User> userManager, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await update.RunAsync(userManager.GetUserId(principal)!, request, ct)).ToOk(text))
            .WithSummary("Set the signed-in user's language and time zone.")
            .Produces<UserView>()
            .ProducesValidationProblem();

        return app;
    }
}
