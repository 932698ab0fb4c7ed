using System.ComponentModel.DataAnnotations;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Appends a grant or withdrawal to a person's consent ledger (F19) with the exact wording: the text sent, or the
/// versioned consent text named (in the language given). A call names its contact; an import or paper form its source.
/// A withdrawal takes the person off every running list of that purpose and channel at once.
/// </summary>
public sealed class RecordConsent(CareDeskDbContext db, OutreachWithdrawal withdrawal, TimeProvider clock)
{
    public sealed record Request(
        [property: MaxLength(32)] string? Purpose,
        [property: MaxLength(16)] string? Channel,
        bool? Granted,
        [property: MaxLength(2000)] string? Wording = null,
        Guid? ConsentTextId = null,
        [property: MaxLength(16)] string? Language = null,
        [property: MaxLength(16)] string? Method = null,
        Guid? ContactId = null,
        [property: MaxLength(300)] string? Source = null);

    public async Task<Result<ConsentEntryView>> RunAsync(Guid personId, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (!OutreachTerms.ConsentPurposes.TryGetValue(request.Purpose?.Trim() ?? "", out var purpose))
        {
            return Failure.Invalid("purpose", "Consent.PurposeInvalid", string.Join(", ", OutreachTerms.ConsentPurposes.Keys));
        }

        if (!OutreachTerms.Channels.TryGetValue(request.Channel?.Trim() ?? "", out var channel))
        {
            return Failure.Invalid("channel", "Consent.ChannelInvalid", string.Join(", ", OutreachTerms.Channels.Keys));
        }

        if (request.Granted is not { } granted)
        {
            return Failure.Invalid("granted", "Consent.GrantedRequired");
        }

        if (!OutreachTerms.Methods.TryGetValue(request.Method?.Trim() ?? "", out var method))
        {
            return Failure.Invalid("method", "Consent.MethodInvalid", string.Join(", ", OutreachTerms.Methods.Keys));
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? SupportedCultures.Chinese : request.Language.Trim();
        if (!SupportedCultures.IsSupported(language))
        {
            return Failure.Invalid("language", "Consent.LanguageInvalid", string.Join(", ", SupportedCultures.All));
        }

        if (method == ConsentMethod.Call && request.ContactId is null)
        {
            return Failure.Invalid("contactId", "Consent.ContactRequired");
        }

        if (method is ConsentMethod.Import or ConsentMethod.Paper && string.IsNullOrWhiteSpace(request.Source))
        {
            return Failure.Invalid("source", "Consent.SourceRequired");
        }

        if (await OutreachPerson.CheckAsync(db, personId, viewer, cancellationToken) is { } denied)
        {
            return denied;
        }

        var wording = await WordingAsync(purpose, request, language, cancellationToken);
        if (wording.Failure is { } badWording)
        {
            return badWording;
        }

        if (request.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.PersonId == personId, cancellationToken))
        {
            return Failure.Invalid("contactId", "Consent.ContactUnknown");
        }

        var entry = new ConsentEntry
        {
            PersonId = personId,
            Purpose = purpose,
            Channel = channel,
            Granted = granted,
            Wording = wording.Value!.Text,
            ConsentTextId = wording.Value.TextId,
            Language = SupportedCultures.Normalize(language),
            Method = method,
            ContactId = request.ContactId,
            Source = string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim(),
            RecordedBy = viewer.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        await AppendAsync(entry, cancellationToken);
        return ConsentEntryView.Of(entry);
    }

    /// <summary>Appends an entry made elsewhere (an outreach call's consent question) in the caller's transaction.</summary>
    internal Task AppendAsync(ConsentEntry entry, CancellationToken cancellationToken) =>
        OutreachWithdrawal.SaveRetryingAsync(db, withdrawal, async () =>
        {
            db.ConsentEntries.Add(entry);
            if (!entry.Granted)
            {
                await withdrawal.StageAsync(entry.PersonId, OutreachWithdrawal.Because.ConsentWithdrawn(entry.Purpose, entry.Channel), cancellationToken);
            }
        }, cancellationToken);

    private sealed record Wording(string Text, Guid? TextId);

    private async Task<Result<Wording>> WordingAsync(OutreachPurpose purpose, Request request, string language, CancellationToken cancellationToken)
    {
        var typed = string.IsNullOrWhiteSpace(request.Wording) ? null : request.Wording.Trim();
        ConsentText? text;
        if (request.ConsentTextId is { } textId)
        {
            text = await db.ConsentTexts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == textId, cancellationToken);
            if (text is null || text.Purpose != purpose)
            {
                return Failure.Invalid("consentTextId", "Consent.TextUnknown");
            }

            // The wording sent must be the text it names (in either language): the ledger keeps what was said.
            if (typed is not null && typed != text.TextZh && typed != text.TextEn)
            {
                return Failure.Invalid("wording", "Consent.WordingMismatch");
            }

            return new Wording(typed ?? text.In(language), text.Id);
        }

        if (typed is not null)
        {
            return new Wording(typed, null);
        }

        text = await db.ConsentTexts.AsNoTracking().Where(t => t.Purpose == purpose).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        return text is null ? Failure.Invalid("wording", "Consent.WordingRequired") : new Wording(text.In(language), text.Id);
    }
}
