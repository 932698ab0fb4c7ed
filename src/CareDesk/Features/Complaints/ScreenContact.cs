using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// The one screening question of a contact (F15): "does the caller allege a problem with a device?". The answer is
/// kept on the contact with who answered and when, "no" as much as "yes"; with a case, the contact goes on the case's
/// timeline and a "yes" flags the case's complaint with the contact's start as awareness (<see cref="FlagComplaint"/>),
/// whoever took the call, an outsourced agent included.
/// </summary>
public sealed class ScreenContact(CareDeskDbContext db, CaseAccess access, LinkContactToCase link, FlagComplaint flag)
{
    public const string Field = "deviceProblemAlleged";

    /// <summary>Reads the wire answer: <c>yes</c> or <c>no</c>; anything else is a 400 naming <see cref="Field"/>.</summary>
    public static Result<bool> Parse(string? answer) => answer switch
    {
        "yes" => true,
        "no" => false,
        null => Failure.Invalid(Field, "Screening.AnswerRequired"),
        _ => Failure.Invalid(Field, "Screening.AnswerInvalid"),
    };

    public static string? WireName(bool? alleged) => alleged switch
    {
        true => "yes",
        false => "no",
        null => null,
    };

    /// <summary>Before a contact about <paramref name="caseId"/> is written: the case exists, is open and is the actor's to see (else a failure naming <c>caseId</c>).</summary>
    public async Task<Failure?> CheckCaseAsync(Guid caseId, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        return loaded.Failure switch
        {
            { Kind: FailureKind.NotFound } => Failure.Invalid("caseId", "Screening.CaseNotFound"),
            { } failure => failure,
            null when !loaded.Value!.IsOpen => Failure.Invalid("caseId", "Screening.CaseNotOpen"),
            null => null,
        };
    }

    /// <summary>
    /// Records <paramref name="alleged"/> on the contact; with <paramref name="caseId"/>, links the contact to the case
    /// (once) and, on a "yes", flags the complaint. Answering again replaces the answer, with its new who and when.
    /// </summary>
    public async Task<Result<Guid>> RunAsync(Guid contactId, bool alleged, Guid? caseId, StaffActor actor, TimeZoneInfo receivingZone, CancellationToken cancellationToken)
    {
        if (await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken) is not { } contact)
        {
            return Failure.NotFound("Screening.ContactNotFound");
        }

        contact.DeviceProblemAlleged = alleged;
        contact.ScreenedBy = actor.UserId;
        contact.ScreenedAt = access.Now();
        contact.Version = Guid.NewGuid();
        if (caseId is not { } id)
        {
            await db.SaveChangesAsync(cancellationToken);
            return contactId;
        }

        return await LinkAndFlagAsync(contactId, alleged, id, actor, receivingZone, cancellationToken);
    }

    /// <summary>For a contact whose answer is stored: puts it on the case (once) and, on a "yes", flags the complaint.</summary>
    public async Task<Result<Guid>> LinkAndFlagAsync(Guid contactId, bool alleged, Guid id, StaffActor actor, TimeZoneInfo receivingZone, CancellationToken cancellationToken)
    {
        // Linking saves the answer with the case's timeline entry (one context, one transaction).
        var linked = await link.RunAsync(id, new LinkContactToCase.Request(contactId), actor, cancellationToken);
        if (linked.Failure is { } notLinked)
        {
            return notLinked;
        }

        if (db.ChangeTracker.HasChanges())
        {
            // The contact was on the case already: nothing else saved the answer.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!alleged)
        {
            return contactId;
        }

        var flagged = await flag.RunAsync(id, new FlagComplaint.Request(contactId), actor, receivingZone, cancellationToken);
        return flagged.Succeeded ? contactId : flagged.Failure!;
    }
}
