using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Cases;

/// <summary>Section <c>Escalation</c>: deadlines and where pages go.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>The team whose roster answers "who is the on-duty expert".</summary>
    [Required]
    public string Team { get; set; } = Staff.TeamSeeder.Experts;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ContactWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Pager or SMS gateway receiving each alert as a signed JSON POST (see docs/cases.md); none when empty.</summary>
    public Uri? PagingWebhookUrl { get; set; }

    /// <summary>Shared secret of the paging webhook's HMAC-SHA256 signature.</summary>
    public string? PagingWebhookSecret { get; set; }
}
