using System.ComponentModel.DataAnnotations;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Devices;

/// <summary>Registers a unit a person uses; its warranty end follows the model's term unless overridden with a reason.</summary>
public sealed class RegisterDevice(CareDeskDbContext db, DeviceAccess access, TimeProvider clock)
{
    public sealed record Request(
        [property: Required, MaxLength(64)] string ModelId,
        [property: MaxLength(64)] string? SerialNumber = null,
        [property: MaxLength(64)] string? LotNumber = null,
        DateOnly? PurchaseDate = null,
        [property: MaxLength(200)] string? PurchasePlace = null,
        DateOnly? WarrantyEnd = null,
        [property: MaxLength(500)] string? WarrantyOverrideReason = null,
        string? Source = null);

    public async Task<Result<DeviceView>> RunAsync(Guid personId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await access.CheckPersonAsync(personId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.ModelId, cancellationToken) is not { } model)
        {
            return Failure.Invalid("modelId", "Device.ModelUnknown");
        }

        var source = FactSource.Agent;
        if (request.Source is not null && !DeviceTerms.Sources.TryGetValue(request.Source, out source))
        {
            return Failure.Invalid("source", "Device.SourceInvalid", string.Join(", ", DeviceTerms.Sources.Keys));
        }

        var warranty = DeviceAccess.Warranty(request.PurchaseDate, model.WarrantyMonths, request.WarrantyEnd, request.WarrantyOverrideReason);
        if (warranty.Failure is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var device = new Device
        {
            PersonId = personId,
            ModelId = model.Id,
            SerialNumber = Clean(request.SerialNumber),
            LotNumber = Clean(request.LotNumber),
            PurchaseDate = request.PurchaseDate,
            PurchasePlace = Clean(request.PurchasePlace),
            WarrantyEnd = warranty.Value!.End,
            WarrantyOverrideReason = warranty.Value.Reason,
            Status = DeviceStatus.InUse,
            Provenance = FactProvenance.Recorded(source, now, actor.UserId),
        };
        device.Events.Add(new DeviceEvent { DeviceId = device.Id, Kind = DeviceEventKind.Registered, At = now, RecordedBy = actor.UserId });
        db.Devices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return DeviceAccess.View(device, model, access.Today());
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
