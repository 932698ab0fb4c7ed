using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Outreach;

/// <summary>Section <c>Outreach</c>: the contact-fatigue guard's rules (F22) and how long an agent may hold a claim.</summary>
public sealed class OutreachOptions
{
    public const string Section = "Outreach";

    /// <summary>The time zone of a person who has none recorded (IANA).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Quiet hours in the person's time zone: from this time …</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    /// <summary>… until this time (the next morning when earlier than <see cref="QuietFrom"/>).</summary>
    public TimeOnly QuietTo { get; set; } = new(9, 0);

    /// <summary>After any contact, inbound or outbound, no outreach for this long unless the purpose has its own.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Cooldown per purpose (<c>marketing</c>, <c>survey</c>…), overriding <see cref="Cooldown"/>.</summary>
    public Dictionary<string, TimeSpan> PurposeCooldowns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most outbound contacts that reached a person in 7 days.</summary>
    [Range(1, 100)]
    public int WeeklyCap { get; set; } = 2;

    /// <summary>Most outbound contacts that reached a person in 30 days.</summary>
    [Range(1, 1000)]
    public int MonthlyCap { get; set; } = 6;

    /// <summary>An agent's claim on a person runs out after this long without an outcome (the agent disappeared).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// A follow-up whose time passed longer ago than this when its event is seen is not made (a device registered with
    /// a purchase date two years back gets no "day 7 after purchase" call).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan CooldownFor(OutreachPurpose purpose) =>
        PurposeCooldowns.TryGetValue(OutreachTerms.Of(purpose), out var own) ? own : Cooldown;
}
