using CareDesk.Features.People;

namespace CareDesk.Features.Outreach;

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
