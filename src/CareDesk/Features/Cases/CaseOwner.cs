namespace CareDesk.Features.Cases;

/// <summary>Who owns a case: a user or a team, never both, never neither.</summary>
public readonly record struct CaseOwner(string? UserId, string? TeamId)
{
    public static CaseOwner User(string userId) => new(userId, null);

    public static CaseOwner Team(string teamId) => new(null, teamId);

    public override string ToString() => UserId is not null ? $"user:{UserId}" : $"team:{TeamId}";
}
