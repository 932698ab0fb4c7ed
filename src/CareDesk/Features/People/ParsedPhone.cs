namespace CareDesk.Features.People;

/// <summary>A phone number normalized to E.164, with what the person typed.</summary>
public sealed record ParsedPhone(string E164, string Raw, string LastDigits, string RegionCode);
