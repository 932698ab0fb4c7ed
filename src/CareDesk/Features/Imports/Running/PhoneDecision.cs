namespace CareDesk.Features.Imports.Running;

/// <param name="Phone">E.164.</param>
/// <param name="Owner">For <see cref="PhoneFate.Caregiver"/>, the caregiver.</param>
/// <param name="CaredFor">For <see cref="PhoneFate.Own"/>, the people who gave it as a family member's: this person becomes their caregiver.</param>
public sealed record PhoneDecision(string Phone, PhoneFate Fate, KnownPerson? Owner, IReadOnlyList<KnownPerson>? CaredFor = null);
