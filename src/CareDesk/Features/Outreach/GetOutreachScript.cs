using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// What the agent holding an attempt reads out (F20, F21): who and why, the script and questions in the person's
/// language, each choice with its label (a catalog model by its name), and each consent question with the exact
/// versioned wording that will be written to the ledger. A read of the person, audited.
/// </summary>
public sealed class GetOutreachScript(CareDeskDbContext db, PersonReads reads)
{
    private const int PastContacts = 5;

    public sealed record Option(string Value, string Label);

    public sealed record Line(string Key, string Type, string Text, bool Required, IReadOnlyList<Option> Options, string? ConsentWording);

    /// <summary>Why a follow-up calls (F20): the event, its device and case, and what the promising agent wrote.</summary>
    public sealed record FollowUpContext(string Trigger, DateTimeOffset? EventAt, string? Device, Guid? CaseId, string? CaseNumber, string? CaseSubject, string? Note);

    /// <summary>One of the person's latest contacts, inbound or outbound.</summary>
    public sealed record PastContact(DateTimeOffset At, string Channel, string Direction, string? Outcome, string? Subject);

    public sealed record View(
        Guid AttemptId,
        Guid PersonId,
        string PersonName,
        string Language,
        string CampaignName,
        string Purpose,
        string Channel,
        string? Number,
        string? Outcome,
        string? Script,
        IReadOnlyList<Line> Questions,
        IReadOnlyList<string> Devices,
        FollowUpContext? FollowUp,
        IReadOnlyList<PastContact> PastContacts);

    public async Task<Result<View>> RunAsync(Guid attemptId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var found = await (from a in db.OutreachAttempts.AsNoTracking()
                           join c in db.Campaigns on a.CampaignId equals c.Id
                           join p in db.People on a.PersonId equals p.Id
                           where a.Id == attemptId
                           select new { Attempt = a, Campaign = c, p.DisplayName, p.Languages, p.AssignedFieldRepId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("Attempt.NotFound");
        }

        if (found.Attempt.AgentUserId != viewer.UserId || !viewer.MaySee(found.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Attempt.NotYours");
        }

        var language = found.Languages.FirstOrDefault() is { } spoken && spoken.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
        var questionnaire = found.Campaign.QuestionnaireId is { } qid ? await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == qid, cancellationToken) : null;
        var questions = questionnaire?.Questions ?? [];
        var modelIds = questions.Where(q => q.MapsTo == Question.DeviceModel).SelectMany(q => q.Options ?? []).ToList();
        var models = await db.ProductModels.AsNoTracking().Where(m => modelIds.Contains(m.Id))
            .Select(m => new { m.Id, m.NameEn, m.NameZh }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var purposes = questions.Where(q => q.ConsentPurpose is not null).Select(q => q.ConsentPurpose!.Value).ToList();
        var wordings = (await db.ConsentTexts.AsNoTracking().Where(t => purposes.Contains(t.Purpose)).ToListAsync(cancellationToken))
            .GroupBy(t => t.Purpose).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);

        var lines = questions.Select(q => new Line(
            q.Key,
            OutreachTerms.Of(q.Type),
            q.TextIn(language),
            q.Required,
            (q.Options ?? []).Select(o => new Option(o, models.TryGetValue(o, out var m) ? CatalogNames.Of(m.NameEn, m.NameZh) : o)).ToList(),
            q.ConsentPurpose is { } purpose && wordings.TryGetValue(purpose, out var wording) ? wording.In(language) : null)).ToList();
        // The context on screen (F20): what the person uses, by name and serial.
        var devices = await (from d in db.Devices.AsNoTracking()
                             join m in db.ProductModels on d.ModelId equals m.Id
                             where d.PersonId == found.Attempt.PersonId && d.Status == Devices.DeviceStatus.InUse
                             select new { m.NameEn, m.NameZh, d.SerialNumber, d.PurchaseDate }).ToListAsync(cancellationToken);
        var followUp = found.Campaign.Trigger is { } trigger ? await FollowUpAsync(found.Attempt, trigger, cancellationToken) : null;
        var past = await db.Contacts.AsNoTracking().Where(c => c.PersonId == found.Attempt.PersonId).OrderByDescending(c => c.StartedAt).Take(PastContacts)
            .Select(c => new { c.StartedAt, c.Channel, c.Direction, c.Outcome, c.Subject }).ToListAsync(cancellationToken);
        await reads.RecordAsync([found.Attempt.PersonId], "outreach-script", cancellationToken);
        var script = language == "en" ? questionnaire?.ScriptEn : questionnaire?.ScriptZh;
        return new View(
            found.Attempt.Id, found.Attempt.PersonId, found.DisplayName, language, found.Campaign.Name, OutreachTerms.Of(found.Campaign.Purpose),
            OutreachTerms.Of(found.Campaign.Channel), viewer.Masked && found.Attempt.Number is { } n ? Masking.Phone(n) : found.Attempt.Number,
            found.Attempt.Outcome is { } o ? OutreachTerms.Of(o) : null, script, lines,
            devices.ConvertAll(d => string.Join(" · ", new[] { CatalogNames.Of(d.NameEn, d.NameZh), d.SerialNumber, d.PurchaseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrEmpty(x)))),
            followUp,
            past.ConvertAll(c => new PastContact(c.StartedAt, KebabCase.Of(c.Channel), KebabCase.Of(c.Direction), c.Outcome, c.Subject)));
    }

    private async Task<FollowUpContext> FollowUpAsync(OutreachAttempt attempt, FollowUpTrigger trigger, CancellationToken cancellationToken)
    {
        var context = await (from m in db.CampaignMembers.AsNoTracking()
                             where m.CampaignId == attempt.CampaignId && m.PersonId == attempt.PersonId
                             select new
                             {
                                 m.EventAt,
                                 Note = db.FollowUpEvents.Where(e => e.Id == m.EventId).Select(e => e.Note).FirstOrDefault(),
                                 Device = (from d in db.Devices
                                           join pm in db.ProductModels on d.ModelId equals pm.Id
                                           where d.Id == m.DeviceId
                                           select new { pm.NameEn, pm.NameZh, d.SerialNumber }).FirstOrDefault(),
                                 Case = db.Cases.Where(c => c.Id == m.CaseId).Select(c => new { c.Id, c.Number, c.Subject }).FirstOrDefault(),
                             }).SingleOrDefaultAsync(cancellationToken);
        return new FollowUpContext(
            KebabCase.Of(trigger),
            context?.EventAt,
            context?.Device is { } d ? string.Join(" · ", new[] { CatalogNames.Of(d.NameEn, d.NameZh), d.SerialNumber }.Where(x => !string.IsNullOrEmpty(x))) : null,
            context?.Case?.Id,
            context?.Case?.Number,
            context?.Case?.Subject,
            context?.Note);
    }
}
