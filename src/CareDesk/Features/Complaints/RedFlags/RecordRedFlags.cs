using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// The clinical red-flag questions asked at intake (F15): each answer is stored with the question as the agent read
/// it, who asked and when. Any "yes" makes the case urgent and escalates it at once to the on-duty expert through the
/// escalation chain (<see cref="EscalateCase"/>, in the same transaction), and hands the agent what to tell the caller
/// now. "Unknown" is recorded and escalates nothing: the agent asks again or escalates by hand.
/// </summary>
public sealed class RecordRedFlags(
    CareDeskDbContext db, CaseAccess access, EscalateCase escalate, EscalationAlerts alerts, GetRedFlags views, RedFlagScripts scripts,
    IStringLocalizer<RedFlagsText> text)
{
    /// <param name="Answers">Red flag (wire name) → <c>yes</c>, <c>no</c> or <c>unknown</c>; the flags not asked are left out.</param>
    /// <param name="ContactId">The contact in which they were asked; it must be on the case.</param>
    public sealed record Request([property: Required, MaxLength(20)] IReadOnlyDictionary<string, string?>? Answers, Guid? ContactId = null);

    /// <param name="Started">True when this answer started the escalation; false when it joined one already under way.</param>
    public sealed record EscalationView(Guid Id, string Status, OwnerView? Alerted, DateTimeOffset? AcknowledgeBy, IReadOnlyList<string> RedFlags, bool Started);

    /// <param name="Scripts">What to tell the caller now, one per "yes", in the agent's language.</param>
    public sealed record Recorded(Guid CaseId, string Priority, IReadOnlyList<GetRedFlags.Answer> Answers, EscalationView? Escalation, IReadOnlyList<RedFlagScripts.ToRead> Scripts);

    public async Task<Result<Recorded>> RunAsync(Guid caseId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var answers = request.Answers ?? new Dictionary<string, string?>();
        if (answers.Count == 0)
        {
            return Failure.Invalid("answers", "RedFlag.AnswersRequired");
        }

        var parsed = new List<(string Flag, RedFlagAnswerValue Value)>();
        foreach (var (flag, value) in answers)
        {
            if (!RedFlags.IsKnown(flag))
            {
                return Failure.Invalid($"answers.{flag}", "RedFlag.Unknown", flag);
            }

            if (RedFlags.ParseAnswer(value) is not { } answer)
            {
                return Failure.Invalid($"answers.{flag}", "RedFlag.AnswerInvalid");
            }

            parsed.Add((flag, answer));
        }

        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;
        if (!found.IsOpen)
        {
            return Failure.Invalid("status", "Case.NotOpen");
        }

        if (request.ContactId is { } contactId && !await db.CaseEntries.AnyAsync(e => e.CaseId == caseId && e.ContactId == contactId, cancellationToken))
        {
            return Failure.Invalid("contactId", "RedFlag.ContactNotOnCase");
        }

        // In the order the questions are asked, whatever order the client sent them in.
        parsed = [.. parsed.OrderBy(p => RedFlags.Order(p.Flag))];
        var yes = parsed.Where(p => p.Value == RedFlagAnswerValue.Yes).Select(p => p.Flag).ToList();
        var now = access.Now();
        Escalation? escalation = null;
        var started = false;
        if (yes.Count > 0)
        {
            found.Priority = CasePriority.Urgent;
            escalation = await db.Escalations
                .Where(e => e.CaseId == caseId && (e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged))
                .OrderByDescending(e => e.RequestedAt).FirstOrDefaultAsync(cancellationToken);
            if (escalation is null)
            {
                var names = string.Join(text["Names.Separator"], yes.Select(flag => text[$"Name.{flag}"].Value));
                escalation = await escalate.StartAsync(found, text["Escalation.Note", names], yes, actor, now, cancellationToken);
                started = true;
            }
            else if (yes.Except(escalation.RedFlags).Any())
            {
                // Already escalated: the escalation now says it is medical, and which red flags; an expert still to
                // acknowledge is alerted again so the alert on their screen says so too.
                escalation.RedFlags = [.. escalation.RedFlags.Union(yes)];
                escalation.Version = Guid.NewGuid();
                if (escalation.Status == EscalationStatus.Alerting)
                {
                    await alerts.AlertExpertAsync(escalation, found, cancellationToken);
                }
            }
        }

        var language = SupportedCultures.Normalize(CultureInfo.CurrentUICulture.Name);
        var rows = parsed.Select(p => new RedFlagAnswer
        {
            CaseId = caseId,
            ContactId = request.ContactId,
            Flag = p.Flag,
            Question = text[$"Question.{p.Flag}"],
            Language = language,
            Answer = p.Value,
            AnsweredBy = actor.UserId,
            AnsweredAt = now,
            EscalationId = p.Value == RedFlagAnswerValue.Yes ? escalation?.Id : null,
        }).ToList();
        db.Set<RedFlagAnswer>().AddRange(rows);
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = caseId,
            Kind = CaseEntryKind.RedFlagsScreened,
            At = now,
            ActorUserId = actor.UserId,
            ContactId = null,
            // Coded, so each reader sees it in their own language: "emergencyVisitOrHospitalStay:yes,injury:no".
            Text = string.Join(",", parsed.Select(p => $"{p.Flag}:{RedFlags.WireName(p.Value)}")),
        });
        var saved = await access.SaveChangedAsync(found, now, cancellationToken);
        if (saved.Failure is { } conflict)
        {
            return conflict;
        }

        alerts.PublishQueued();
        EscalationView? escalationView = null;
        if (escalation is not null)
        {
            var alerted = escalation.AlertedUserId is null ? null : (await views.OwnerAsync(escalation.AlertedUserId, cancellationToken));
            escalationView = new EscalationView(escalation.Id, CaseTerms.Of(escalation.Status), alerted, escalation.AcknowledgeBy, escalation.RedFlags, started);
        }

        return new Recorded(caseId, CaseTerms.Of(found.Priority), await views.ViewsAsync(rows, cancellationToken), escalationView, await scripts.ForAsync(yes, cancellationToken));
    }
}
