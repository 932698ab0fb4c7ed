using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Who a campaign's target rule selects, and why each is left out (F21): do not contact, no consent for the campaign's
/// purpose and channel, no number or address for its channel. One query, evaluated by the database over every person;
/// the list is written with one INSERT … SELECT (a million people in seconds, docs/benchmarks.md).
/// </summary>
public sealed class CallList(CareDeskDbContext db)
{
    /// <summary>One person the rule selects. Init properties, not a constructor: a query composed on it stays in SQL.</summary>
    public sealed class Row
    {
        public Guid CampaignId { get; init; }

        public Guid PersonId { get; init; }

        public string? Exclusion { get; init; }

        /// <summary>The member's status as stored (pending, or excluded with its reason).</summary>
        public string Status { get; init; } = nameof(MemberStatus.Pending);

        /// <summary>Due from (the campaign's creation: a column, so the INSERT reads it from the SELECT).</summary>
        public DateTimeOffset DueFrom { get; init; }
    }

    /// <summary>The people the rule selects, with the reason each is excluded (null: on the list).</summary>
    public IQueryable<Row> Select(Campaign campaign)
    {
        var rule = campaign.Target;
        var people = db.People.AsQueryable();
        var products = rule.ProductIds is [_, ..] ids ? ids.ToList() : null;
        var (boughtFrom, boughtTo) = (rule.PurchasedFrom, rule.PurchasedTo);
        var (registeredFrom, registeredTo) = (rule.RegisteredFrom, rule.RegisteredTo);
        if (products is not null || boughtFrom is not null || boughtTo is not null || registeredFrom is not null || registeredTo is not null)
        {
            var devices = db.Devices.AsQueryable();
            if (products is not null)
            {
                devices = devices.Where(d => products.Contains(d.ModelId));
            }

            if (boughtFrom is { } bf)
            {
                devices = devices.Where(d => d.PurchaseDate >= bf);
            }

            if (boughtTo is { } bt)
            {
                devices = devices.Where(d => d.PurchaseDate <= bt);
            }

            if (registeredFrom is not null || registeredTo is not null)
            {
                var (from, to) = (registeredFrom ?? DateTimeOffset.MinValue, registeredTo ?? DateTimeOffset.MaxValue);
                devices = devices.Where(d => d.Events.Any(e => e.Kind == DeviceEventKind.Registered && e.At >= from && e.At <= to));
            }

            people = people.Where(p => devices.Any(d => d.PersonId == p.Id));
        }

        if (rule.Regions is [_, ..] regionList)
        {
            var regions = regionList.ToList();
            people = people.Where(p => p.Addresses.Any(a => regions.Contains(a.Region!) || regions.Contains(a.City!)));
        }

        if (rule.Languages is [_, ..] languageList)
        {
            var languages = languageList.ToList();
            people = people.Where(p => p.Languages.Any(l => languages.Contains(l)));
        }

        if (rule.LastContactBefore is { } before)
        {
            people = people.Where(p => !db.Contacts.Any(c => c.PersonId == p.Id && c.StartedAt >= before));
        }

        if (rule.LastContactAfter is { } after)
        {
            people = people.Where(p => db.Contacts.Any(c => c.PersonId == p.Id && c.StartedAt >= after));
        }

        var (purpose, channel, safety) = (campaign.Purpose, campaign.Channel, campaign.IsSafety);
        var reachable = Reachable(channel);
        // Measured 2026-12-07 at 1 M: joining each person's newest entry as a set (an anti-join on a newer entry) was
        // slower here than these correlated lookups (create 18 s, build 94 s under load); kept as lookups until a plan
        // that wins is measured (docs/benchmarks.md).
        return from p in people
               let dnc = db.DoNotContactEntries.Where(e => e.PersonId == p.Id).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(e => (bool?)e.Active).FirstOrDefault()
               let consent = db.ConsentEntries.Where(e => e.PersonId == p.Id && e.Purpose == purpose && e.Channel == channel).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(e => (bool?)e.Granted).FirstOrDefault()
               select new Row
               {
                   PersonId = p.Id,
                   // COALESCE, not "!= true": EF's null compensation would run each subquery twice. EXISTS, not
                   // NOT IN: PostgreSQL cannot hash a million-row NOT IN and would rescan it for every person.
                   Exclusion = !safety && (dnc ?? false) ? CampaignMember.DoNotContact
                       : !safety && !(consent ?? false) ? CampaignMember.NoConsent
                       : !reachable.Any(id => id == p.Id) ? CampaignMember.NoValidNumber
                       : null,
               };
    }

    /// <summary>How many the rule selects, and how many of them may be contacted.</summary>
    public async Task<(int Selected, int Eligible)> CountAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var rows = await Select(campaign).GroupBy(r => r.Exclusion == null)
            .Select(g => new { Eligible = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return (rows.Sum(r => r.Count), rows.Where(r => r.Eligible).Sum(r => r.Count));
    }

    /// <summary>Writes the list (members that are not on it yet, the excluded as such) and makes every member who may be called claimable.</summary>
    public async Task<int> WriteAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var campaignId = campaign.Id;
        // The campaign's id comes from its row, not a parameter: EF evaluates a parameter in the projection itself
        // instead of writing it into the SELECT the INSERT reads.
        // Who is on the list already is skipped by its key (ON CONFLICT), not by a NOT EXISTS on the table being
        // written: PostgreSQL would scan the rows this very statement inserts, once per person (minutes at a million).
        // The excluded are marked afterwards, not written excluded: EF inlines the reason's expression into the status
        // too, so PostgreSQL evaluated every lookup twice per person (measured at 1 M: 25 s instead of 21 s for the
        // INSERT); updating the ~12 % excluded costs about a second.
        var rows = from r in Select(campaign)
                   from c in db.Campaigns
                   where c.Id == campaignId
                   select new Row { CampaignId = c.Id, PersonId = r.PersonId, Exclusion = r.Exclusion, DueFrom = c.CreatedAt };
        var written = await db.InsertAsync("campaign_members", ["CampaignId", "PersonId", "Exclusion", "NextAttemptAt"], rows, skipConflicts: true, cancellationToken);
        await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Exclusion != null && m.Status == MemberStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Excluded), cancellationToken);
        await EnsureClaimRowsAsync(campaignId, cancellationToken);
        return written;
    }

    /// <summary>
    /// Every member of the campaign who may be called has their one claim row (free); an excluded member is never
    /// offered (the due list reads pending members), so needs none. Who has one already is skipped by its key, not a
    /// NOT EXISTS on the table being written: planned while it is empty, PostgreSQL rescans it for every person.
    /// </summary>
    internal Task<int> EnsureClaimRowsAsync(Guid campaignId, CancellationToken cancellationToken) =>
        EnsureClaimRowsAsync(db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Status == MemberStatus.Pending).Select(m => m.PersonId), cancellationToken);

    /// <summary>These people have their one claim row (free), e.g. before follow-ups about them are saved.</summary>
    internal Task<int> EnsureClaimRowsAsync(IQueryable<Guid> people, CancellationToken cancellationToken) =>
        db.InsertAsync("outreach_claims", ["PersonId"], people, skipConflicts: true, cancellationToken);

    /// <summary>The people a campaign on <paramref name="channel"/> can reach: a number, an address, an account.</summary>
    private IQueryable<Guid> Reachable(OutreachChannel channel) => channel switch
    {
        OutreachChannel.Phone => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone).Select(c => c.PersonId),
        OutreachChannel.Sms => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone && c.Type == "mobile").Select(c => c.PersonId),
        OutreachChannel.Email => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Email).Select(c => c.PersonId),
        OutreachChannel.WeChat => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Messaging && c.Type == "wechat").Select(c => c.PersonId),
        _ => db.Addresses.Select(a => a.PersonId),
    };
}
