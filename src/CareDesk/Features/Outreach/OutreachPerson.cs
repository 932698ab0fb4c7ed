using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>The one check before outreach reads or writes a person's ledgers: the person exists and the viewer may see them (a field rep only their own).</summary>
internal static class OutreachPerson
{
    public static async Task<Failure?> CheckAsync(CareDeskDbContext db, Guid personId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.AssignedFieldRepId })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        return viewer.MaySee(person.AssignedFieldRepId) ? null : new Failure(FailureKind.Forbidden, "Person.Forbidden");
    }
}
