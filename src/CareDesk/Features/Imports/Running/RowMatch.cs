namespace CareDesk.Features.Imports.Running;

/// <summary>
/// The decision for one valid row: the known person it is (with the <see cref="MatchBasis"/>), or none (a new person),
/// and what becomes of each of its phones.
/// </summary>
public sealed record RowMatch(KnownPerson? Person, string? Basis, IReadOnlyList<PhoneDecision> Phones)
{
    public bool ForReview => Basis == MatchBasis.NameAndDateOfBirth;
}
