using System.Text.Json;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Imports;

/// <summary>
/// The duplicate-candidates queue: rows merged on name and date of birth alone, for a supervisor to confirm or to
/// reject (then to separate by hand with unmerge). Listing it is a read of the people in it.
/// </summary>
public sealed class DuplicateCandidates(CareDeskDbContext db, PersonReads reads, TimeProvider time)
{
    public sealed record View(Guid Id, Guid PersonId, string PersonName, DateOnly? PersonDateOfBirth, IReadOnlyList<string> PersonPhones, Guid ImportId, int File, int Record, string Basis, ImportedValues? Row, string Status, DateTimeOffset CreatedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<IReadOnlyList<View>>> ListAsync(string? status, int take, CancellationToken cancellationToken)
    {
        var wanted = DuplicateCandidateStatus.Open;
        if (status is not null && !KebabCase.TryParse(status, out wanted))
        {
            return Failure.Invalid("status", "Import.CandidateStatusInvalid", string.Join(", ", Enum.GetValues<DuplicateCandidateStatus>().Select(KebabCase.Of)));
        }

        var found = await (from c in db.DuplicateCandidates.AsNoTracking()
                           join p in db.People on c.PersonId equals p.Id
                           join r in db.ImportRows on new { c.ImportId, c.FileIndex, c.Record } equals new { r.ImportId, r.FileIndex, r.Record }
                           where c.Status == wanted
                           orderby c.CreatedAt
                           select new
                           {
                               c,
                               p.DisplayName,
                               p.DateOfBirth,
                               Phones = p.ContactPoints.Where(cp => cp.Kind == People.ContactPointKind.Phone).Select(cp => cp.Value).ToList(),
                               r.Values,
                           }).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        await reads.RecordAsync(found.Select(f => f.c.PersonId).Distinct(), "duplicate candidates", cancellationToken);
        return found.Select(f => new View(
            f.c.Id, f.c.PersonId, f.DisplayName, f.DateOfBirth, f.Phones, f.c.ImportId, f.c.FileIndex, f.c.Record, f.c.Basis,
            f.Values is { } values ? JsonSerializer.Deserialize<ImportedValues>(values, Json) : null,
            KebabCase.Of(f.c.Status), f.c.CreatedAt, f.c.ResolvedBy, f.c.ResolvedAt)).ToList();
    }

    /// <summary>Confirms (the row is that person) or rejects (it is someone else) an open candidate.</summary>
    public async Task<Result<Guid>> ResolveAsync(Guid id, bool same, string userId, CancellationToken cancellationToken)
    {
        if (await db.DuplicateCandidates.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } candidate)
        {
            return Failure.NotFound("Import.CandidateNotFound");
        }

        if (candidate.Status != DuplicateCandidateStatus.Open)
        {
            return Failure.Conflict("Import.CandidateResolved");
        }

        candidate.Status = same ? DuplicateCandidateStatus.Confirmed : DuplicateCandidateStatus.Rejected;
        candidate.ResolvedBy = userId;
        candidate.ResolvedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return candidate.Id;
    }
}
