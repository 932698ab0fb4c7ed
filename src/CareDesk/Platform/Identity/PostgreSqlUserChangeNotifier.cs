using CareDesk.Platform.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Several nodes on PostgreSQL: forgets the user here at once, then sends a NOTIFY that every node's
/// <see cref="PostgreSqlUserChangeListener"/> turns into the same forgetting.
/// </summary>
internal sealed class PostgreSqlUserChangeNotifier(UserStatusCache status, IOptions<DatabaseOptions> database) : IUserChangeNotifier
{
    public const string Channel = "caredesk_user_changed";

    public async Task UserChangedAsync(string userId, CancellationToken cancellationToken)
    {
        status.Forget(userId);
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @user)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
