using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Devices;

internal static class DevicesEndpoints
{
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddScoped<DeviceAccess>();
        services.AddScoped<RegisterDevice>();
        services.AddScoped<UpdateDevice>();
        services.AddScoped<ChangeDeviceStatus>();
        services.AddScoped<RecordDeviceEvent>();
        services.AddScoped<ListPersonDevices>();
        return services;
    }

    public static IEndpointRouteBuilder MapDevicesEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people/{personId:guid}/devices").WithTags("Devices").RequireAuthorization(Policies.Staff);

        people.MapGet("/", async (Guid personId, ClaimsPrincipal user, ListPersonDevices list, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
                (await list.RunAsync(personId, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("A person's devices with warranty state and history (a field rep: own customers only).")
            .Produces<IReadOnlyList<DeviceView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        people.MapPost("/", async (Guid personId, RegisterDevice.Request request, ClaimsPrincipal user, RegisterDevice register, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
            {
                var result = await register.RunAsync(personId, request, StaffActor.From(user), ct);
                return result.ToCreated(text, v => $"/api/devices/{v.Id}");
            })
            .WithSummary("Register a device a person uses; warranty end is computed from the model's term unless overridden with a reason.")
            .Produces<DeviceView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var devices = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(Policies.Staff);

        devices.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, DeviceAccess access, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
                (await access.ReadAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("A device with its history.")
            .Produces<DeviceView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        devices.MapPut("/{id:guid}", async (Guid id, UpdateDevice.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, UpdateDevice update, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
                (await update.RunAsync(id, request, StaffActor.From(user), PersonViewer.From(user, options.Value).Masked, ct)).ToOk(text))
            .WithSummary("Correct a device's facts; send the version you read (409 if it changed; 403 for a viewer who sees the person masked).")
            .Produces<DeviceView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        devices.MapPost("/{id:guid}/status", async (Guid id, ChangeDeviceStatus.Request request, ClaimsPrincipal user, ChangeDeviceStatus change, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
                (await change.RunAsync(id, request, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("Set the status (in-use, replaced, returned, lost); the change is recorded in the history.")
            .Produces<DeviceView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        devices.MapPost("/{id:guid}/events", async (Guid id, RecordDeviceEvent.Request request, ClaimsPrincipal user, RecordDeviceEvent record, IStringLocalizer<DevicesText> text, CancellationToken ct) =>
                (await record.RunAsync(id, request, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("Add a repair, replacement, return or note to a device's history.")
            .Produces<DeviceView>()
            .ProducesValidationProblem();

        return app;
    }
}
