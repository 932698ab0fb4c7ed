namespace CareDesk.Features.Outreach;

/// <summary>Where one person stands in a campaign's call list.</summary>
public enum MemberStatus
{
    /// <summary>To be contacted (when <see cref="CampaignMember.NextAttemptAt"/> has come).</summary>
    Pending,

    /// <summary>Reached, refused, or out of attempts: nothing more to do.</summary>
    Done,

    /// <summary>Left out of the list, or taken out later: <see cref="CampaignMember.Exclusion"/> says why.</summary>
    Excluded,
}
