using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The contact-fatigue guard (F19, F22): the one rule engine every outbound path asks before contacting a person —
/// campaigns, follow-ups, recalls, promised callbacks, surveys. It counts inbound contacts too. Rules, in order:
/// do not contact, consent for the purpose and channel, one outbound contact at a time, cooldown after any contact,
/// weekly and monthly caps, quiet hours in the person's time zone, their preferred hours, the campaign's best time.
/// Precedence (docs/outreach.md): a safety notice passes do-not-contact, consent, cooldown and caps (a legal
/// obligation, never consent); a promised callback passes consent, cooldown and caps (the person asked for it) but
/// not do-not-contact; a supervisor's override passes the timing rules only.
/// </summary>
public sealed class ContactGuard(CareDeskDbContext db, IOptions<OutreachOptions> options, TimeProvider clock)
{
    /// <summary>What is asked: who, why, how, and what may be passed.</summary>
    public sealed record Ask(
        Guid PersonId,
        OutreachPurpose Purpose,
        OutreachChannel Channel,
        Guid? OwnAttemptId = null,
        bool Overridden = false,
        ContactWindow? BestTime = null);

    private sealed record Facts(
        string? TimeZone,
        string? PreferredHours,
        bool? DoNotContact,
        bool? Consent,
        Guid? ClaimAttempt,
        DateTimeOffset? ClaimExpires,
        bool ContactedInCooldown,
        int OutboundInWeek,
        int OutboundInMonth);

    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<GuardDecision> CheckAsync(Ask ask, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = options.Value;
        var safety = ask.Purpose == OutreachPurpose.SafetyNotice;
        var requested = ask.Purpose == OutreachPurpose.PromisedCallback;
        var consentPurpose = ask.Purpose;
        var channel = ask.Channel;
        var (cooldownStart, weekStart, monthStart) = (now - rules.CooldownFor(ask.Purpose), now - TimeSpan.FromDays(7), now - TimeSpan.FromDays(30));

        // One round trip for everything about the person, their contacts counted in it: whether a fatigue rule holds
        // them at all. Only when one does are the contacts read to say until when (FatigueAsync) — the rare case.
        var facts = await db.People.AsNoTracking()
            .Where(p => p.Id == ask.PersonId)
            .Select(p => new Facts(
                p.TimeZone,
                p.PreferredHours,
                db.DoNotContactEntries.Where(e => e.PersonId == p.Id).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(e => (bool?)e.Active).FirstOrDefault(),
                db.ConsentEntries.Where(e => e.PersonId == p.Id && e.Purpose == consentPurpose && e.Channel == channel).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(e => (bool?)e.Granted).FirstOrDefault(),
                db.OutreachClaims.Where(c => c.PersonId == p.Id).Select(c => c.AttemptId).FirstOrDefault(),
                db.OutreachClaims.Where(c => c.PersonId == p.Id).Select(c => c.ExpiresAt).FirstOrDefault(),
                db.Contacts.Any(c => c.PersonId == p.Id && c.StartedAt > cooldownStart && !c.Missed),
                db.Contacts.Count(c => c.PersonId == p.Id && c.StartedAt > weekStart && !c.Missed && c.Direction == Contacts.ContactDirection.Outbound),
                db.Contacts.Count(c => c.PersonId == p.Id && c.StartedAt > monthStart && !c.Missed && c.Direction == Contacts.ContactDirection.Outbound)))
            .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            return GuardDecision.Refuse(GuardRule.NoConsent, null);
        }

        if (!safety && facts.DoNotContact == true)
        {
            return GuardDecision.Refuse(GuardRule.DoNotContact, null);
        }

        if (!safety && !requested && facts.Consent != true)
        {
            return GuardDecision.Refuse(GuardRule.NoConsent, null);
        }

        if (facts.ClaimAttempt is { } holder && holder != ask.OwnAttemptId && facts.ClaimExpires > now)
        {
            return GuardDecision.Refuse(GuardRule.Claimed, facts.ClaimExpires);
        }

        var basis = safety ? GuardDecision.LegalObligation : requested ? GuardDecision.PersonsRequest : GuardDecision.Consent;
        if (ask.Overridden)
        {
            return GuardDecision.Allow(basis);
        }

        var tiring = facts.ContactedInCooldown || facts.OutboundInWeek >= rules.WeeklyCap || facts.OutboundInMonth >= rules.MonthlyCap;
        if (!safety && !requested && tiring && await FatigueAsync(ask.PersonId, rules.CooldownFor(ask.Purpose), now, cancellationToken) is { } tired)
        {
            return tired;
        }

        var zone = ZoneOf(facts.TimeZone, rules.DefaultTimeZone);
        if (new ContactWindow(rules.QuietTo, rules.QuietFrom).NextOpening(now, zone) is { } quietEnds)
        {
            return GuardDecision.Refuse(GuardRule.QuietHours, quietEnds);
        }

        if (!safety && ContactWindow.Parse(facts.PreferredHours)?.NextOpening(now, zone) is { } preferred)
        {
            return GuardDecision.Refuse(GuardRule.PreferredHours, preferred);
        }

        if (ask.BestTime?.NextOpening(now, zone) is { } best)
        {
            return GuardDecision.Refuse(GuardRule.BestTime, best);
        }

        return GuardDecision.Allow(basis);
    }

    /// <summary>The person's time zone, or the default when none (or an unknown one) is recorded.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZone, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(fallback, out var standard) ? standard : TimeZoneInfo.Utc;
    }

    // Contacts that reached the person: an answered inbound call counts for the cooldown as much as an outbound one;
    // an unanswered try reached nobody and counts for neither (its retry spacing is the campaign's).
    private async Task<GuardDecision?> FatigueAsync(Guid personId, TimeSpan cooldown, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        var since = now - TimeSpan.FromDays(30) < now - cooldown ? now - TimeSpan.FromDays(30) : now - cooldown;
        var recent = await db.Contacts.AsNoTracking()
            .Where(c => c.PersonId == personId && c.StartedAt >= since && !c.Missed)
            .Select(c => new { c.StartedAt, c.Direction })
            .ToListAsync(cancellationToken);
        if (recent.Count == 0)
        {
            return null;
        }

        var last = recent.Max(c => c.StartedAt);
        if (last + cooldown > now)
        {
            return GuardDecision.Refuse(GuardRule.Cooldown, last + cooldown);
        }

        var outbound = recent.Where(c => c.Direction == Contacts.ContactDirection.Outbound).Select(c => c.StartedAt).OrderBy(t => t).ToList();
        var week = outbound.Where(t => t > now - TimeSpan.FromDays(7)).ToList();
        if (week.Count >= rules.WeeklyCap)
        {
            return GuardDecision.Refuse(GuardRule.WeeklyCap, week[^rules.WeeklyCap] + TimeSpan.FromDays(7));
        }

        var month = outbound.Where(t => t > now - TimeSpan.FromDays(30)).ToList();
        return month.Count >= rules.MonthlyCap
            ? GuardDecision.Refuse(GuardRule.MonthlyCap, month[^rules.MonthlyCap] + TimeSpan.FromDays(30))
            : null;
    }
}
