namespace CareDesk.Features.Outreach;

/// <summary>
/// The event a follow-up rule (F20) answers: a campaign with a trigger is a rule, and its call list grows one person
/// at a time from these events of their own devices and cases — so a follow-up only ever goes to someone who used the
/// service.
/// </summary>
public enum FollowUpTrigger
{
    /// <summary>A device bought: its purchase date, when the device is registered with one.</summary>
    Purchase,

    /// <summary>A device registered to the person.</summary>
    Registration,

    Repair,

    Replacement,

    /// <summary>A device checked (an accuracy or safety check recorded in its history).</summary>
    Check,

    /// <summary>A case holding a complaint resolved.</summary>
    ComplaintResolved,

    /// <summary>"We will call you back in three months": promised on a case, at the time promised.</summary>
    CasePromise,
}
