using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>The complaint file (F16) as <c>GET /api/complaints/{id}</c> shows it: every part, named people, codes in kebab-case.</summary>
public sealed record ComplaintFileView(
    Guid? DeviceId,
    string? Device,
    string? SerialNumber,
    string? LotNumber,
    ComplaintFileView.UdiView? Udi,
    string PatientInvolvement,
    string PatientOutcome,
    string? Narrative,
    string? NarrativeLanguage,
    ComplaintFileView.InvestigationView? Investigation,
    ComplaintFileView.ReturnView? Return,
    ComplaintFileView.ReplyView? Reply,
    ComplaintFileView.ClosureView? Closure,
    ComplaintFileView.EventView? Event,
    IReadOnlyList<ComplaintFileView.ReplyView>? Replies = null)
{
    /// <param name="Entry">scanned or typed.</param>
    /// <param name="Issuer">gs1 or hibcc.</param>
    public sealed record UdiView(string Text, string Entry, string Issuer, string? DeviceIdentifier, string? Lot, string? Serial, DateOnly? Expiry, DateOnly? Manufactured);

    public sealed record InvestigationView(string Findings, string? RootCause, Person By, DateTimeOffset At);

    public sealed record ReturnView(string RmaNumber, DateTimeOffset? SentAt, DateTimeOffset? ReceivedAt, string? Analysis);

    public sealed record ReplyView(string Language, string Text, DateTimeOffset SentAt, Person By);

    /// <param name="Reason">A closure reason of the vocabulary (no-fault-found, …).</param>
    public sealed record ClosureView(string Reason, string? Note, DateTimeOffset At, Person By);

    /// <summary>The event this complaint was linked to: its primary (which the reports go out on) and every member.</summary>
    public sealed record EventView(Guid PrimaryId, bool IsPrimary, IReadOnlyList<Member> Members);

    public sealed record Member(Guid Id, Guid CaseId, string CaseNumber, DateTimeOffset AwarenessAt, bool Primary);

    /// <summary>A staff member by id and display name.</summary>
    public sealed record Person(string Id, string Name);

    /// <param name="masked">An outsourced agent's view: the caller's words are hidden (<see cref="People.Masking"/>).</param>
    public static async Task<ComplaintFileView> LoadAsync(CareDeskDbContext db, Complaint c, bool masked, CancellationToken cancellationToken)
    {
        var device = c.DeviceId is null ? null : await db.Devices.AsNoTracking().Where(d => d.Id == c.DeviceId)
            .Join(db.ProductModels, d => d.ModelId, m => m.Id, (d, m) => new { m.NameEn, m.NameZh, d.SerialNumber })
            .SingleOrDefaultAsync(cancellationToken);
        // Every reply sent, the latest first (ComplaintReply); files from before replies were kept show their one reply.
        var replies = await db.Set<ComplaintReply>().AsNoTracking().Where(r => r.ComplaintId == c.Id)
            .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.RecordedAt).ToListAsync(cancellationToken);
        var userIds = new[] { c.InvestigatedBy, c.ReplySentBy, c.ClosedBy }.Concat(replies.Select(r => r.SentBy)).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Person By(string id) => new(id, names.GetValueOrDefault(id, ""));
        var members = c.EventPrimaryId is not { } primary ? [] : await db.Set<Complaint>().AsNoTracking().Where(m => m.EventPrimaryId == primary)
            .Join(db.Cases, m => m.CaseId, k => k.Id, (m, k) => new { m.Id, m.CaseId, k.Number, m.AwarenessAt })
            .ToListAsync(cancellationToken);
        return new ComplaintFileView(
            c.DeviceId,
            device is null ? null : string.Join(" · ", new[] { CatalogNames.Of(device.NameEn, device.NameZh), device.SerialNumber }.OfType<string>()),
            c.SerialNumber,
            c.LotNumber,
            c.UdiText is null ? null : new UdiView(c.UdiText, ComplaintTerms.Of(c.UdiEntry) ?? "typed", ComplaintTerms.Of(c.UdiIssuer) ?? "", c.UdiDeviceIdentifier, c.UdiLot, c.UdiSerial, c.UdiExpiry, c.UdiManufactured),
            ComplaintTerms.Of(c.PatientInvolvement),
            ComplaintTerms.Of(c.PatientOutcome),
            masked ? People.Masking.Text(c.Narrative) : c.Narrative,
            c.NarrativeLanguage,
            c.InvestigationFindings is null ? null : new InvestigationView(c.InvestigationFindings, c.RootCause, By(c.InvestigatedBy ?? ""), c.InvestigatedAt ?? default),
            c.RmaNumber is null ? null : new ReturnView(c.RmaNumber, c.ReturnSentAt, c.ReturnReceivedAt, c.ReturnAnalysis),
            c.ReplyText is null ? null : new ReplyView(c.ReplyLanguage ?? "", c.ReplyText, c.ReplySentAt ?? default, By(c.ReplySentBy ?? "")),
            c.ClosureReason is null ? null : new ClosureView(ComplaintTerms.Of(c.ClosureReason) ?? "", c.ClosureNote, c.ClosedAt ?? default, By(c.ClosedBy ?? "")),
            c.EventPrimaryId is not { } primaryId ? null : new EventView(primaryId, primaryId == c.Id, [
                .. members.OrderBy(m => m.AwarenessAt).Select(m => new Member(m.Id, m.CaseId, CaseNumbers.Display(m.Number), m.AwarenessAt, m.Id == primaryId)),
            ]),
            replies.Count == 0 && c.ReplyText is not null
                ? [new ReplyView(c.ReplyLanguage ?? "", c.ReplyText, c.ReplySentAt ?? default, By(c.ReplySentBy ?? ""))]
                : [.. replies.Select(r => new ReplyView(r.Language, r.Text, r.SentAt, By(r.SentBy)))]);
    }
}
