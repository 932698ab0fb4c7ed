namespace CareDesk.Platform.Identity;

/// <summary>One node (SQLite): the change notice only needs to reach this process.</summary>
internal sealed class LocalUserChangeNotifier(UserStatusCache status) : IUserChangeNotifier
{
    public Task UserChangedAsync(string userId, CancellationToken cancellationToken)
    {
        status.Forget(userId);
        return Task.CompletedTask;
    }
}
