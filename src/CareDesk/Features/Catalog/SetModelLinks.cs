using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Catalog;

/// <summary>
/// An admin adds or removes compatibility facts of one model. Kinds: <c>fits</c> (this consumable fits the other
/// model), <c>works-with</c> (a pairing, kept on both sides) and <c>not-compatible</c> (an explicit negative). A removed
/// link leaves a <see cref="ModelLinkTombstone"/>, so the catalog seed does not bring it back at the next start.
/// </summary>
public sealed class SetModelLinks(CareDeskDbContext db, GetModel get, TimeProvider time)
{
    public sealed record Link(
        [property: Required] string Kind,
        [property: Required, MaxLength(64)] string ModelId,
        bool Uncertain = false,
        [property: MaxLength(500)] string? Condition = null,
        [property: MaxLength(1000)] string? Reason = null);

    public sealed record Request(IReadOnlyList<Link>? Add, IReadOnlyList<Link>? Remove);

    public static readonly IReadOnlyDictionary<string, ModelLinkKind> Kinds = new Dictionary<string, ModelLinkKind>
    {
        ["fits"] = ModelLinkKind.Fits,
        ["works-with"] = ModelLinkKind.WorksWith,
        ["not-compatible"] = ModelLinkKind.NotCompatible,
    };

    public async Task<Result<ModelDetail>> RunAsync(string id, Request request, CancellationToken cancellationToken)
    {
        if (!await db.ProductModels.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Failure.NotFound("Model.NotFound");
        }

        var add = request.Add ?? [];
        var remove = request.Remove ?? [];
        foreach (var (links, field) in new[] { (add, "add"), (remove, "remove") })
        {
            for (var i = 0; i < links.Count; i++)
            {
                if (!Kinds.ContainsKey(links[i].Kind ?? ""))
                {
                    return Failure.Invalid($"{field}[{i}].kind", "Link.KindInvalid");
                }

                if (links[i].ModelId == id || !await db.ProductModels.AnyAsync(m => m.Id == links[i].ModelId, cancellationToken))
                {
                    return Failure.Invalid($"{field}[{i}].modelId", "Link.ModelUnknown");
                }
            }
        }

        foreach (var link in remove)
        {
            var kind = Kinds[link.Kind];
            var stored = await db.ModelLinks
                .Where(l => l.Kind == kind && ((l.FromModelId == id && l.ToModelId == link.ModelId) || (l.FromModelId == link.ModelId && l.ToModelId == id && kind != ModelLinkKind.Fits)))
                .ToListAsync(cancellationToken);
            db.ModelLinks.RemoveRange(stored);
            await BuryAsync(id, link.ModelId, kind, cancellationToken);
            if (kind != ModelLinkKind.Fits)
            {
                await BuryAsync(link.ModelId, id, kind, cancellationToken);
            }
        }

        foreach (var link in add)
        {
            var kind = Kinds[link.Kind];
            await UpsertAsync(id, link.ModelId, kind, link, cancellationToken);
            if (kind == ModelLinkKind.WorksWith)
            {
                // Pairings are stored on both sides so that one lookup is enough, as in the seed.
                await UpsertAsync(link.ModelId, id, kind, link, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await get.RunAsync(id, cancellationToken);
    }

    // The tombstone covers the key whether or not a row was stored: the seed may hold it on either side.
    private async Task BuryAsync(string from, string to, ModelLinkKind kind, CancellationToken cancellationToken)
    {
        if (await FindTombstoneAsync(from, to, kind, cancellationToken) is null)
        {
            db.ModelLinkTombstones.Add(new ModelLinkTombstone { FromModelId = from, ToModelId = to, Kind = kind, RemovedAt = time.GetUtcNow() });
        }
    }

    private async Task<ModelLinkTombstone?> FindTombstoneAsync(string from, string to, ModelLinkKind kind, CancellationToken cancellationToken) =>
        db.ModelLinkTombstones.Local.SingleOrDefault(t => t.FromModelId == from && t.ToModelId == to && t.Kind == kind)
            ?? await db.ModelLinkTombstones.SingleOrDefaultAsync(t => t.FromModelId == from && t.ToModelId == to && t.Kind == kind, cancellationToken);

    private async Task UpsertAsync(string from, string to, ModelLinkKind kind, Link link, CancellationToken cancellationToken)
    {
        // Added again by an admin: the seed may add it again too.
        if (await FindTombstoneAsync(from, to, kind, cancellationToken) is { } tombstone)
        {
            db.ModelLinkTombstones.Remove(tombstone);
        }

        var stored = db.ModelLinks.Local.SingleOrDefault(l => l.FromModelId == from && l.ToModelId == to && l.Kind == kind)
            ?? await db.ModelLinks.SingleOrDefaultAsync(l => l.FromModelId == from && l.ToModelId == to && l.Kind == kind, cancellationToken);
        if (stored is null)
        {
            stored = new ModelLink { FromModelId = from, ToModelId = to, Kind = kind };
            db.ModelLinks.Add(stored);
        }

        stored.Uncertain = link.Uncertain;
        stored.Condition = string.IsNullOrWhiteSpace(link.Condition) ? null : link.Condition.Trim();
        stored.Reason = string.IsNullOrWhiteSpace(link.Reason) ? null : link.Reason.Trim();
    }
}
