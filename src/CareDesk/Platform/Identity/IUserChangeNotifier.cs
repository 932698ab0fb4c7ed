namespace CareDesk.Platform.Identity;

/// <summary>
/// Tells every node that a user's roles, status or credentials changed, so each forgets what it cached about them
/// and the user's next request, on any node, is judged by the database. Call it after the change is committed.
/// </summary>
public interface IUserChangeNotifier
{
    Task UserChangedAsync(string userId, CancellationToken cancellationToken);
}
