namespace CareDesk.Features.Telephony;

/// <summary>
/// One call in the agent's dock of call cards: the pop, the people its number found, its state as the call's events
/// say, and how the agent has its card (collapsed, the new-case form open for one person).
/// </summary>
public sealed class LiveCall(ScreenPopRequest pop, IReadOnlyList<CallerCards.Card> cards)
{
    public ScreenPopRequest Pop { get; } = pop;

    public IReadOnlyList<CallerCards.Card> Cards { get; } = cards;

    public CallState State { get; set; } = pop.State;

    public bool Collapsed { get; set; }

    /// <summary>Set when the card should take the keyboard focus at its next render (it just popped, or the shortcut asked).</summary>
    public bool TakeFocus { get; set; } = true;

    /// <summary>The person whose card shows the new-case form: only on request, the form is heavy on a desk left open all day.</summary>
    public Guid? NewCaseFor { get; set; }
}
