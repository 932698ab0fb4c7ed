using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Data;

/// <summary>Section <c>Database</c>: which database CareDesk runs on.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/caredesk.db";

    /// <summary>Apply pending migrations at start-up (on by default; turn off when a release job migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
