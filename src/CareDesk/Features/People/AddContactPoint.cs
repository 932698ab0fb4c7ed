using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>Adds one phone, e-mail, messaging id or address to a person, with its source (F2).</summary>
public sealed class AddContactPoint(CareDeskDbContext db, PhoneNumberParser parser, TimeProvider time)
{
    public sealed record Request(
        CreatePerson.PhoneInput? Phone,
        string? Email,
        CreatePerson.MessagingInput? Messaging,
        CreatePerson.AddressInput? Address,
        string? Source);

    public async Task<Result<Guid>> RunAsync(Guid personId, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var source = FactSource.Agent;
        if (request.Source is not null && !KebabCase.TryParse(request.Source, out source))
        {
            return Failure.Invalid("source", "Source.Invalid");
        }

        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.AssignedFieldRepId, p.MergedIntoId }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(person.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        // A merged person's number would make caller lookup find them again: facts go to the survivor.
        if (person.MergedIntoId is not null)
        {
            return Failure.Conflict("Person.Merged");
        }

        var provenance = FactProvenance.Recorded(source, time.GetUtcNow());
        var given = new object?[] { request.Phone, request.Email, request.Messaging, request.Address }.Count(x => x is not null);
        if (given != 1)
        {
            return Failure.Invalid("phone", "ContactPoint.ExactlyOne");
        }

        Guid id;
        if (request.Address is { } addressInput)
        {
            var address = PersonRules.Address(addressInput, provenance, "address");
            if (!address.Succeeded)
            {
                return address.Failure!;
            }

            address.Value!.PersonId = personId;
            db.Addresses.Add(address.Value);
            id = address.Value.Id;
        }
        else
        {
            var point = request.Phone is { } phone ? PersonRules.Phone(parser, phone.Number, phone.Type, provenance, "phone")
                : request.Email is { } email ? PersonRules.Email(email, provenance, "email")
                : PersonRules.Messaging(request.Messaging!.Platform, request.Messaging.Id, provenance, "messaging");
            if (!point.Succeeded)
            {
                return point.Failure!;
            }

            var value = point.Value!;
            if (await db.ContactPoints.AnyAsync(c => c.PersonId == personId && c.Kind == value.Kind && c.Value == value.Value, cancellationToken))
            {
                return Failure.Conflict("ContactPoint.Duplicate");
            }

            value.PersonId = personId;
            db.ContactPoints.Add(value);
            id = value.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
