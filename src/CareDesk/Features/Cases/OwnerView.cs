namespace CareDesk.Features.Cases;

/// <summary>Who owns a case as the API shows it: <c>kind</c> is <c>user</c> or <c>team</c>.</summary>
public sealed record OwnerView(string Kind, string Id, string Name);
