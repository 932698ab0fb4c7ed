namespace CareDesk.Features.Cases;

/// <summary>Who owns a case as the API shows it: <c>kind</c> is <c>user</c> or <c>team</c>.</summary>
public sealed record OwnerView(string Kind, string Id, string Name)
{
    public const string UserKind = "user";

    public const string TeamKind = "team";

    /// <summary>Owned by this user (not by a team's queue).</summary>
    public bool IsUser(string? userId) => Kind == UserKind && Id == userId;
}
