namespace CareDesk.Features.Contacts;

/// <summary>One transfer as the API shows it: from and to are names (a user's, a team's, or the outside address).</summary>
public sealed record TransferView(
    DateTimeOffset At, string? FromUserId, string? FromTeamId, string? ToUserId, string? ToTeamId, string? ToAddress, string From, string To, string? Note);
