namespace CareDesk.Features.Outreach;

/// <summary>How a person is contacted, and what a consent covers (F19).</summary>
public enum OutreachChannel
{
    Phone,
    Sms,
    Email,
    WeChat,
    Post,
}
