namespace CareDesk.Features.Outreach;

/// <summary>
/// The depth of the effectiveness check a recall strategy names (21 CFR 7.42(b)(3)): the share of consignees to be
/// contacted to verify that they received the notice and acted on it. B's share is set per recall (over 10 and under 100).
/// </summary>
public enum RecallDepth
{
    /// <summary>100 percent of consignees.</summary>
    A,

    /// <summary>A share set per recall, greater than 10 and less than 100 percent.</summary>
    B,

    /// <summary>10 percent.</summary>
    C,

    /// <summary>2 percent.</summary>
    D,

    /// <summary>No effectiveness checks.</summary>
    E,
}
