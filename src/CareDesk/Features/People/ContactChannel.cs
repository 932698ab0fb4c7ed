namespace CareDesk.Features.People;

public enum ContactChannel
{
    Phone,
    Email,
    WeChat,
    Sms,
    Video,
    Letter,

    /// <summary>A web or in-app chat (WeChat and SMS have their own values).</summary>
    Chat,

    /// <summary>In person: a home visit by a field rep, or the customer at a service point.</summary>
    Visit,
}
