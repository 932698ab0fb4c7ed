using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Devices;

/// <summary>Loads devices and their person for a use case, applying the field rep's own-customers rule.</summary>
public sealed class DeviceAccess(CareDeskDbContext db, TimeProvider clock, PersonReads reads)
{
    public async Task<Failure?> CheckPersonAsync(Guid personId, StaffActor actor, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.AssignedFieldRepId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        return actor.MaySee(person.AssignedFieldRepId) ? null : new Failure(FailureKind.Forbidden, "Device.Forbidden");
    }

    public async Task<Result<Device>> LoadAsync(Guid deviceId, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.Devices.Include(d => d.Events).SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken) is not { } device)
        {
            return Failure.NotFound("Device.NotFound");
        }

        if (await CheckPersonAsync(device.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        return device;
    }

    /// <summary>One device for display: a read of its owner's record, audited (a refused one too).</summary>
    public async Task<Result<DeviceView>> ReadAsync(Guid deviceId, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(deviceId, actor, cancellationToken);
        if (loaded.Failure is { Kind: FailureKind.Forbidden } refused)
        {
            var owner = await db.Devices.Where(d => d.Id == deviceId).Select(d => d.PersonId).SingleAsync(cancellationToken);
            await reads.RecordDeniedAsync("Device", deviceId.ToString(), owner, "device", cancellationToken);
            return refused;
        }

        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        await reads.RecordAsync("Device", deviceId, loaded.Value!.PersonId, "device", cancellationToken);
        return await ViewAsync(loaded.Value!, cancellationToken);
    }

    public async Task<DeviceView> ViewAsync(Device device, CancellationToken cancellationToken)
    {
        var model = await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == device.ModelId, cancellationToken);
        return View(device, model, Today());
    }

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static DeviceView View(Device device, ProductModel? model, DateOnly today) => new(
        device.Id,
        device.PersonId,
        device.ModelId,
        model?.NameEn ?? device.ModelId,
        model?.NameZh,
        model?.Category,
        device.SerialNumber,
        device.LotNumber,
        device.PurchaseDate,
        device.PurchasePlace,
        device.WarrantyEnd,
        device.WarrantyOverrideReason,
        DeviceTerms.WarrantyState(device.WarrantyEnd, today),
        KebabCase.Of(device.Status),
        KebabCase.Of(device.Provenance.Source),
        device.Version.ToString(),
        [.. device.Events.OrderByDescending(e => e.At).Select(e => new DeviceEventView(
            e.Id, KebabCase.Of(e.Kind), e.At, e.Notes, e.RecordedBy,
            e.FromStatus is { } from ? KebabCase.Of(from) : null, e.ToStatus is { } to ? KebabCase.Of(to) : null))]);

    /// <summary>
    /// The warranty end to store: the model's term from the purchase date, unless the request sets another end,
    /// which needs a reason (goodwill extension, a country's longer term...).
    /// </summary>
    public static Result<WarrantyTerms> Warranty(DateOnly? purchaseDate, int? warrantyMonths, DateOnly? requestedEnd, string? reason)
    {
        var computed = Device.ComputeWarrantyEnd(purchaseDate, warrantyMonths);
        if (requestedEnd is null || requestedEnd == computed)
        {
            return new WarrantyTerms(computed, null);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Invalid("warrantyOverrideReason", "Device.OverrideReasonRequired");
        }

        return new WarrantyTerms(requestedEnd, reason.Trim());
    }
}
