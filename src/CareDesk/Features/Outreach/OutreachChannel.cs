using CareDesk.Features.People;

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

internal static class OutreachChannels
{
    /// <summary>The channel a contact of this outreach is logged under.</summary>
    public static ContactChannel ToContactChannel(this OutreachChannel channel) => channel switch
    {
        OutreachChannel.Phone => ContactChannel.Phone,
        OutreachChannel.Sms => ContactChannel.Sms,
        OutreachChannel.Email => ContactChannel.Email,
        OutreachChannel.WeChat => ContactChannel.WeChat,
        _ => ContactChannel.Letter,
    };
}
