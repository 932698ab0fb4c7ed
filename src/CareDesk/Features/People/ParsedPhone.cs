using PhoneNumbers;

namespace CareDesk.Features.People;

/// <summary>A phone number normalized to E.164, with what the person typed.</summary>
public sealed record ParsedPhone(string E164, string Raw, string LastDigits, string RegionCode)
{
    /// <summary>What libphonenumber says the number is (mobile, fixed line, toll free…), whatever column it was typed in.</summary>
    public PhoneNumberType Type { get; init; } = PhoneNumberType.UNKNOWN;
}
