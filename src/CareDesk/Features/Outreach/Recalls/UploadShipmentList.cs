using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Adds a shipment list to a recall (F21a): a CSV whose header names a serial column (<c>serial</c>, <c>serialNumber</c>,
/// <c>序列号</c>) or a lot column (<c>lot</c>, <c>lotNumber</c>, <c>批号</c>), or both. Devices of the recalled models
/// carrying a listed serial or lot are affected too; on a running recall they and their owners are added at once.
/// </summary>
public sealed class UploadShipmentList(CareDeskDbContext db, RecallTargets targets, RecallEscalation escalation, TimeProvider clock)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] SerialHeaders = ["serial", "serialnumber", "serial_number", "serial number", "sn", "序列号"];
    private static readonly string[] LotHeaders = ["lot", "lotnumber", "lot_number", "lot number", "batch", "批号"];

    public sealed record Report(int Serials, int Lots, int Added, int DevicesAdded);

    public async Task<Result<Report>> RunAsync(Guid recallId, Stream? content, CancellationToken cancellationToken)
    {
        if (await db.Recalls.SingleOrDefaultAsync(r => r.Id == recallId, cancellationToken) is not { } recall)
        {
            return Failure.NotFound("Recall.NotFound");
        }

        if (recall.Status == RecallStatus.Closed)
        {
            return Failure.Invalid("status", "Recall.Closed");
        }

        if (content is null)
        {
            return Failure.Invalid("file", "Recall.FileRequired");
        }

        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var header = Split(await reader.ReadLineAsync(cancellationToken) ?? "");
        var serialAt = Array.FindIndex(header, h => SerialHeaders.Contains(h.ToLowerInvariant()));
        var lotAt = Array.FindIndex(header, h => LotHeaders.Contains(h.ToLowerInvariant()));
        if (serialAt < 0 && lotAt < 0)
        {
            return Failure.Invalid("file", "Recall.ShipmentColumnMissing");
        }

        var items = new HashSet<(string Kind, string Value)>();
        var line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            var cells = Split(text);
            foreach (var (at, kind) in new[] { (serialAt, RecallShipmentItem.Serial), (lotAt, RecallShipmentItem.Lot) })
            {
                if (at >= 0 && at < cells.Length && cells[at] is { Length: > 0 } value)
                {
                    if (value.Length > 64)
                    {
                        return Failure.Invalid("file", "Recall.ShipmentValueTooLong", line);
                    }

                    items.Add((kind, value));
                }
            }
        }

        var known = (await db.RecallShipmentItems.Where(i => i.RecallId == recallId).Select(i => new { i.Kind, i.Value }).ToListAsync(cancellationToken))
            .Select(i => (i.Kind, i.Value)).ToHashSet();
        var fresh = items.Where(i => !known.Contains(i)).ToList();
        foreach (var chunk in fresh.Chunk(2000))
        {
            db.RecallShipmentItems.AddRange(chunk.Select(i => new RecallShipmentItem { RecallId = recallId, Kind = i.Kind, Value = i.Value }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var devicesAdded = 0;
        if (recall.Status == RecallStatus.Running)
        {
            // A running recall takes the new devices and their owners on at once (the campaign is already offering).
            devicesAdded = await targets.WriteDevicesAsync(recall, cancellationToken);
            var noNumber = await targets.WriteMembersAsync(recall, cancellationToken);
            await escalation.StageForAsync(recall, noNumber, clock.GetUtcNow(), cancellationToken);
        }

        return new Report(items.Count(i => i.Kind == RecallShipmentItem.Serial), items.Count(i => i.Kind == RecallShipmentItem.Lot), fresh.Count, devicesAdded);
    }

    // One column of plain values: commas or semicolons between cells, quotes around a cell taken off.
    private static string[] Split(string line) =>
        line.Split([',', ';', '\t']).Select(c => c.Trim().Trim('"').Trim()).ToArray();
}
