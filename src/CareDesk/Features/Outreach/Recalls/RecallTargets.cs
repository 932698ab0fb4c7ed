using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Which devices a recall concerns and who is called about them (F21a), written set-based: one INSERT … SELECT per
/// serial range, one for the lots, one for the shipment list (a device already selected is skipped), then one for the
/// call list — one member per person, whatever number of devices they have. A safety notice leaves nobody out for
/// do-not-contact or consent (a legal obligation); only a person with no number is left off the call list, and is
/// sent the notice by the next channel instead (<see cref="RecallEscalation"/>).
/// </summary>
public sealed class RecallTargets(CareDeskDbContext db, CallList callList)
{
    /// <summary>One row of <c>recall_devices</c> as the INSERT writes it (init properties: the projection stays in SQL).</summary>
    private sealed class Row
    {
        public Guid RecallId { get; init; }

        public Guid DeviceId { get; init; }

        public Guid PersonId { get; init; }
    }

    /// <summary>Adds the devices the recall selects that it does not list yet; returns how many were added.</summary>
    public async Task<int> WriteDevicesAsync(Recall recall, CancellationToken cancellationToken)
    {
        var added = 0;
        var models = recall.ModelIds;
        var devices = db.Devices.Where(d => models.Contains(d.ModelId));
        var hasShipment = await db.RecallShipmentItems.AnyAsync(i => i.RecallId == recall.Id, cancellationToken);
        foreach (var range in recall.SerialRanges)
        {
            // Same prefix, then the tail without leading zeros compared by length and then digit by digit: a numeric
            // comparison both databases make on text. A tail with letters in it is removed below.
            var (prefix, low, high) = (range.Prefix, range.Low, range.High);
            var start = prefix.Length;
#pragma warning disable CA1309 // Translated to SQL, never run here: the database compares digits, the same in every collation.
            var inRange = devices
                .Where(d => d.SerialNumber != null && d.SerialNumber.StartsWith(prefix) && d.SerialNumber.Length > start)
                .Select(d => new { Device = d, Number = d.SerialNumber!.Substring(start).TrimStart('0') })
                .Where(x => (x.Number.Length > low.Length || (x.Number.Length == low.Length && string.Compare(x.Number, low) >= 0))
                            && (x.Number.Length < high.Length || (x.Number.Length == high.Length && string.Compare(x.Number, high) <= 0)))
                .Select(x => x.Device);
#pragma warning restore CA1309
            added += await InsertAsync(recall.Id, inRange, RecallDevice.BySerialRange, cancellationToken);
        }

        if (recall.SerialRanges.Count > 0)
        {
            await RemoveNonNumericAsync(recall, cancellationToken);
        }

        if (recall.Lots is [_, ..])
        {
            var lots = recall.Lots;
            added += await InsertAsync(recall.Id, devices.Where(d => d.LotNumber != null && lots.Contains(d.LotNumber)), RecallDevice.ByLot, cancellationToken);
        }

        if (hasShipment)
        {
            var id = recall.Id;
            var items = db.RecallShipmentItems.Where(i => i.RecallId == id);
            var shipped = devices.Where(d =>
                items.Any(i => i.Kind == RecallShipmentItem.Serial && i.Value == d.SerialNumber)
                || items.Any(i => i.Kind == RecallShipmentItem.Lot && i.Value == d.LotNumber));
            added += await InsertAsync(recall.Id, shipped, RecallDevice.ByShipmentList, cancellationToken);
        }

        // No serials, lots or shipment list: the notice concerns every device of the models.
        if (recall.SerialRanges.Count == 0 && recall.Lots.Count == 0 && !hasShipment)
        {
            added += await InsertAsync(recall.Id, devices, RecallDevice.ByModel, cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// Puts everyone with a listed device on the recall's call list (once), and makes them claimable. Returns the people
    /// added who have no number: they get the notice by the next channel.
    /// </summary>
    public async Task<List<Guid>> WriteMembersAsync(Recall recall, CancellationToken cancellationToken)
    {
        var (recallId, campaignId) = (recall.Id, recall.CampaignId);
        var before = await db.CampaignMembers.Where(m => m.CampaignId == campaignId).Select(m => m.PersonId).ToListAsync(cancellationToken);
        var phones = db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone);
        var fresh = from p in db.People
                    where db.RecallDevices.Any(d => d.RecallId == recallId && d.PersonId == p.Id)
                    from c in db.Campaigns
                    where c.Id == campaignId
                    select new CallList.Row
                    {
                        CampaignId = c.Id,
                        PersonId = p.Id,
                        Exclusion = phones.Any(ph => ph.PersonId == p.Id) ? null : CampaignMember.NoValidNumber,
                        Status = phones.Any(ph => ph.PersonId == p.Id) ? nameof(MemberStatus.Pending) : nameof(MemberStatus.Excluded),
                        DueFrom = c.CreatedAt,
                    };
        // Who is on the list already is skipped by its key, not a NOT EXISTS on the table being written (CallList).
        await db.InsertAsync("campaign_members", ["CampaignId", "PersonId", "Exclusion", "Status", "NextAttemptAt"], fresh, skipConflicts: true, cancellationToken);
        await callList.EnsureClaimRowsAsync(campaignId, cancellationToken);
        var known = before.ToHashSet();
        var noNumber = await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Exclusion == CampaignMember.NoValidNumber)
            .Select(m => m.PersonId).ToListAsync(cancellationToken);
        return noNumber.Where(p => !known.Contains(p)).ToList();
    }

    private async Task<int> InsertAsync(Guid recallId, IQueryable<Devices.Device> devices, string matchedBy, CancellationToken cancellationToken)
    {
        // The recall's id comes from its row: EF would evaluate a parameter in the projection instead of the SELECT. A
        // device already listed is skipped by its key (ON CONFLICT), not by a NOT EXISTS on the table being written.
        var rows = from d in devices
                   from r in db.Recalls
                   where r.Id == recallId
                   select new Row { RecallId = r.Id, DeviceId = d.Id, PersonId = d.PersonId };
        var added = await db.InsertAsync("recall_devices", ["RecallId", "DeviceId", "PersonId"], rows, skipConflicts: true, cancellationToken);
        await db.RecallDevices.Where(x => x.RecallId == recallId && x.MatchedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.MatchedBy, matchedBy), cancellationToken);
        return added;
    }

    // A serial whose tail has a letter in it ("SN12A") is not a number in the range; the text comparison cannot say so
    // on both databases alike, so the few that pass it are taken out here.
    private async Task RemoveNonNumericAsync(Recall recall, CancellationToken cancellationToken)
    {
        var id = recall.Id;
        var matched = await (from x in db.RecallDevices
                             join d in db.Devices on x.DeviceId equals d.Id
                             where x.RecallId == id && x.MatchedBy == RecallDevice.BySerialRange
                             select new { x.DeviceId, d.SerialNumber }).ToListAsync(cancellationToken);
        var wrong = matched.Where(m => !recall.SerialRanges.Any(r => r.Contains(m.SerialNumber))).Select(m => m.DeviceId).ToList();
        foreach (var chunk in wrong.Chunk(500))
        {
            await db.RecallDevices.Where(x => x.RecallId == id && chunk.Contains(x.DeviceId)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
