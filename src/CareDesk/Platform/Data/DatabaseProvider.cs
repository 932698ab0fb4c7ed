namespace CareDesk.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
