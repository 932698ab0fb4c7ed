using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// Changes a person's own fields. The request carries the version it was read at; when someone else changed the
/// person meanwhile, nothing is written and the answer is a conflict with the current version (never a silent
/// overwrite). Contact points and addresses have their own use cases.
/// </summary>
public sealed class UpdatePerson(CareDeskDbContext db, TimeProvider time)
{
    public sealed record Request(
        [property: Required, MaxLength(200), SingleLineText] string Name,
        [property: MaxLength(100), SingleLineText] string? FamilyName,
        [property: MaxLength(100), SingleLineText] string? GivenName,
        [property: Required] string Kind,
        DateOnly? DateOfBirth,
        string? Sex,
        IReadOnlyList<string>? Languages,
        [property: MaxLength(64)] string? TimeZone,
        CreatePerson.AccessibilityInput? Accessibility,
        string? PreferredChannel,
        [property: MaxLength(200)] string? PreferredHours,
        [property: MaxLength(450)] string? AssignedFieldRepId,
        [property: MaxLength(4000)] string? Notes,
        [property: Required] string Version);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (PersonRules.Check(request.Name, request.Kind, request.Sex, request.PreferredChannel, request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        if (!Guid.TryParse(request.Version, out var version))
        {
            return Failure.Invalid("version", "Version.Invalid");
        }

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(person.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        // Masked viewers never saw the values they would send back.
        if (viewer.Masked)
        {
            return new Failure(FailureKind.Forbidden, "Person.MaskedEdit");
        }

        // A merged person's fields are what an unmerge restores: they change on the survivor.
        if (person.MergedIntoId is not null)
        {
            return Failure.Conflict("Person.Merged");
        }

        if (person.Version != version)
        {
            return Failure.Conflict("Person.Conflict");
        }

        // A field rep cannot hand their person to someone else.
        var assigned = viewer.OnlyAssigned ? person.AssignedFieldRepId : request.AssignedFieldRepId;
        if (!string.Equals(assigned?.Trim() ?? "", person.AssignedFieldRepId ?? "", StringComparison.Ordinal)
            && await FieldRepAssignment.CheckAsync(db, assigned, cancellationToken) is { } notFieldRep)
        {
            return notFieldRep;
        }

        person.DisplayName = request.Name.Trim();
        PersonRules.Apply(person, request.FamilyName, request.GivenName, request.Kind, request.DateOfBirth, request.Sex, request.Languages,
            request.TimeZone, request.Accessibility, request.PreferredChannel, request.PreferredHours, assigned, request.Notes);
        person.UpdatedAt = time.GetUtcNow();
        person.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer saved between our read and our write: the version token caught it.
            return Failure.Conflict("Person.Conflict");
        }

        return person.Id;
    }
}
