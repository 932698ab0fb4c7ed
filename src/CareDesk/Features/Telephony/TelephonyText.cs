namespace CareDesk.Features.Telephony;

/// <summary>Marker for the Telephony strings in <c>Resources/Features/Telephony/TelephonyText*.resx</c>.</summary>
public sealed class TelephonyText;
