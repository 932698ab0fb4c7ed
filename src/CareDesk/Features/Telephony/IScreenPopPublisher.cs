namespace CareDesk.Features.Telephony;

/// <summary>
/// Carries screen pops from the webhook to the agent's open desktops, on whichever node they are connected to
/// (<see cref="ScreenPopHub"/> publishes through the live backplane, Platform/Live).
/// </summary>
public interface IScreenPopPublisher
{
    Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken);
}
