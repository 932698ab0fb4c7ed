using System.Text.Json;

namespace CareDesk.Features.NothingLost;

/// <summary>What a handover report records. Owners and cases by id; names are looked up in the reader's language.</summary>
public sealed record HandoverSnapshot(
    IReadOnlyList<HandoverSnapshot.OwnerLoad> OpenCases,
    IReadOnlyList<HandoverSnapshot.CallbackLine> CallbacksDue,
    IReadOnlyList<HandoverSnapshot.EscalationLine> Escalations,
    IReadOnlyList<HandoverSnapshot.FindingLine> Findings)
{
    /// <summary>How many open cases one owner (a user or a team queue) has, and the longest-idle of them.</summary>
    public sealed record OwnerLoad(string? UserId, string? TeamId, int Count, IReadOnlyList<CaseLine> Oldest);

    public sealed record CaseLine(Guid CaseId, string Number, string Subject, string Status, DateTimeOffset LastActivityAt);

    public sealed record CallbackLine(Guid CallbackId, Guid CaseId, string Number, string OwnerUserId, DateTimeOffset DueAt, string Status);

    public sealed record EscalationLine(Guid EscalationId, Guid CaseId, string Number, string? AlertedUserId, string Status, DateTimeOffset? AcknowledgeBy, DateTimeOffset? ContactBy);

    public sealed record FindingLine(Guid FindingId, string Rule, Guid? CaseId, string? UserId, string? Detail, DateTimeOffset RaisedAt);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
