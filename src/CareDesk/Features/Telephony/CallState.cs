namespace CareDesk.Features.Telephony;

/// <summary>Where a call is, as its events so far say (in any order they arrived): the card shows it live.</summary>
public enum CallState
{
    Ringing,
    Answered,
    Ended,
    Missed,
}
