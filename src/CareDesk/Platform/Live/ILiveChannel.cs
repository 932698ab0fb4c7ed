using System.Text.Json;

namespace CareDesk.Platform.Live;

/// <summary>
/// A <see cref="UserChannel{T}"/> seen by the backplane, which knows no feature: it finds the channel a push from another
/// node names by <see cref="Name"/> and hands it the message as JSON (registered with <c>AddLiveChannel</c>).
/// </summary>
public interface ILiveChannel
{
    /// <summary>The same on every node (the hub's type name): it names the channel in a notice between nodes.</summary>
    string Name { get; }

    /// <summary>The backplane this channel publishes through.</summary>
    ILiveBackplane Backplane { get; }

    /// <summary>Hands a push another node published to this node's desktops of <paramref name="userId"/>.</summary>
    void DeliverFromAnotherNode(string userId, JsonElement message);

    /// <summary>Set once, when the host creates the channel.</summary>
    internal void UseBackplane(ILiveBackplane backplane);
}
