namespace CareDesk.Platform.Data;

/// <summary>
/// A text column compared byte by byte, whatever the database's collation: a prefix search on it is a range of its
/// index (<c>term &gt;= 'wang' AND term &lt; 'wang\uFFFF'</c>). SQLite compares text that way by default; on PostgreSQL the
/// column gets the "C" collation (a database created with a linguistic locale would otherwise order it by language).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BytewiseOrderAttribute : Attribute;
