using Microsoft.Extensions.Caching.Memory;

namespace CareDesk.Features.Telephony;

/// <summary>
/// The cards of one pop, loaded once for all the desks its agent has open (item 12f of issue 10: 30 desks of one agent
/// each ran the card queries and wrote a read audit, and the last desk showed the card seconds late). The first desk
/// to receive the pop loads the cards; the others await the same load. The read is audited once per pop.
/// </summary>
public sealed class ScreenPopCards(IMemoryCache cache)
{
    // Long enough for every desk of the agent to ask; short enough to hold nothing stale.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The pop's cards, and whether this caller is the one that loaded them (and so records the read).</summary>
    public async Task<(IReadOnlyList<CallerCards.Card> Cards, bool Loaded)> GetAsync(
        ScreenPopRequest pop, Func<Task<IReadOnlyList<CallerCards.Card>>> load)
    {
        var key = $"screen-pop-cards:{pop.AgentUserId}:{pop.CallId}";
        var mine = new Lazy<Task<IReadOnlyList<CallerCards.Card>>>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return mine;
        })!;
        try
        {
            return (await shared.Value, ReferenceEquals(shared, mine));
        }
        catch when (!ReferenceEquals(shared, mine))
        {
            // The desk that loaded failed (its circuit went away): load for this desk instead.
            cache.Remove(key);
            return (await load(), true);
        }
    }
}
