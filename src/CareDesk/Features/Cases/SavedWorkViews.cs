using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// A user's saved views of the work page: list them, save the current filter under a name (the same name again
/// replaces it), remove one. Each user sees and changes only their own.
/// </summary>
public sealed class SavedWorkViews(CareDeskDbContext db, TimeProvider clock)
{
    public const int MaxViews = 50;

    public sealed record Request([property: Required, MaxLength(100), SingleLineText] string Name, [property: Required] WorkFilterInput Filter);

    /// <summary>The filter of a view as the API takes it (the query values of <c>GET /api/work</c>).</summary>
    public sealed record WorkFilterInput(
        [property: MaxLength(10)] IReadOnlyList<string>? Status = null,
        [property: MaxLength(64)] string? Team = null,
        [property: MaxLength(450)] string? Owner = null,
        [property: MaxLength(10)] IReadOnlyList<string>? ServiceLevel = null,
        [property: MaxLength(16)] string? Sort = null,
        [property: MaxLength(8)] string? Order = null)
    {
        public WorkFilter ToFilter() => WorkFilter.From(Status, Team, Owner, ServiceLevel, Sort, Order);
    }

    /// <param name="Query">The filter in the work page's address form: open <c>/work?{query}</c>.</param>
    public sealed record View(Guid Id, string Name, string Query, WorkFilter Filter);

    public async Task<View[]> ListAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var views = await Views.AsNoTracking().Where(v => v.UserId == actor.UserId).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        return [.. views.Select(ToView)];
    }

    public async Task<Result<View>> SaveAsync(Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (name.Length == 0)
        {
            return Failure.Invalid("name", "Work.ViewNameRequired");
        }

        var filter = request.Filter.ToFilter();
        if (filter.Check() is { } invalid)
        {
            return invalid with { Field = $"filter.{invalid.Field}" };
        }

        var view = await Views.SingleOrDefaultAsync(v => v.UserId == actor.UserId && v.Name == name, cancellationToken);
        if (view is null)
        {
            if (await Views.CountAsync(v => v.UserId == actor.UserId, cancellationToken) >= MaxViews)
            {
                return Failure.Invalid("name", "Work.ViewsTooMany", MaxViews);
            }

            view = new SavedWorkView { UserId = actor.UserId, Name = name, Query = "" };
            Views.Add(view);
        }

        view.Query = filter.ToQuery();
        view.SavedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToView(view);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await Views.SingleOrDefaultAsync(v => v.Id == id && v.UserId == actor.UserId, cancellationToken) is not { } view)
        {
            return Failure.NotFound("Work.ViewNotFound");
        }

        Views.Remove(view);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private DbSet<SavedWorkView> Views => db.Set<SavedWorkView>();

    private static View ToView(SavedWorkView view) => new(view.Id, view.Name, view.Query, WorkFilter.Parse(view.Query));
}
