namespace CareDesk.Platform.Live;

/// <summary>
/// Carries a live push to the open desktops of its user on every app node, each desktop once: in process on one node
/// (SQLite, <see cref="InProcessLiveBackplane"/>), through PostgreSQL <c>LISTEN/NOTIFY</c> on several
/// (<see cref="PostgreSqlLiveBackplane"/>). Fire and forget: the sender never waits for a node or a browser.
/// </summary>
public interface ILiveBackplane
{
    void Publish<T>(UserChannel<T> channel, string userId, T message);
}
