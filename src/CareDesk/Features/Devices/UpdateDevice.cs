using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Devices;

/// <summary>Corrects a device's facts. The request carries the version it was based on: a stale one is a conflict.</summary>
public sealed class UpdateDevice(CareDeskDbContext db, DeviceAccess access)
{
    public sealed record Request(
        [property: Required] string Version,
        [property: Required, MaxLength(64)] string ModelId,
        [property: MaxLength(64)] string? SerialNumber = null,
        [property: MaxLength(64)] string? LotNumber = null,
        DateOnly? PurchaseDate = null,
        [property: MaxLength(200)] string? PurchasePlace = null,
        DateOnly? WarrantyEnd = null,
        [property: MaxLength(500)] string? WarrantyOverrideReason = null);

    /// <param name="masked">The actor sees the person's data masked (an outsourced agent): the registered facts, the
    /// warranty override among them, are corrected by in-house staff; status changes and events stay open to it.</param>
    public async Task<Result<DeviceView>> RunAsync(Guid id, Request request, StaffActor actor, bool masked, CancellationToken cancellationToken)
    {
        if (masked)
        {
            return new Failure(FailureKind.Forbidden, "Device.MaskedEdit");
        }

        var loaded = await access.LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var device = loaded.Value!;
        if (!Guid.TryParse(request.Version, out var version) || version != device.Version)
        {
            return Failure.Conflict("Device.Conflict");
        }

        if (await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.ModelId, cancellationToken) is not { } model)
        {
            return Failure.Invalid("modelId", "Device.ModelUnknown");
        }

        var warranty = DeviceAccess.Warranty(request.PurchaseDate, model.WarrantyMonths, request.WarrantyEnd, request.WarrantyOverrideReason);
        if (warranty.Failure is { } invalid)
        {
            return invalid;
        }

        device.ModelId = model.Id;
        device.SerialNumber = RegisterDevice.Clean(request.SerialNumber);
        device.LotNumber = RegisterDevice.Clean(request.LotNumber);
        device.PurchaseDate = request.PurchaseDate;
        device.PurchasePlace = RegisterDevice.Clean(request.PurchasePlace);
        device.WarrantyEnd = warranty.Value!.End;
        device.WarrantyOverrideReason = warranty.Value.Reason;
        return await DeviceChanges.SaveAsync(db, access, device, cancellationToken);
    }
}
