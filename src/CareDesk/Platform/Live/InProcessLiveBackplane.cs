namespace CareDesk.Platform.Live;

/// <summary>One node (SQLite, bUnit): every desktop is connected to this process.</summary>
public sealed class InProcessLiveBackplane : ILiveBackplane
{
    public static readonly InProcessLiveBackplane Instance = new();

    private InProcessLiveBackplane()
    {
    }

    public void Publish<T>(UserChannel<T> channel, string userId, T message) => channel.Deliver(userId, message);
}
