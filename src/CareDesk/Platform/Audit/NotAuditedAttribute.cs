namespace CareDesk.Platform.Audit;

/// <summary>
/// Marks plumbing tables (the outbox) whose rows are not business facts. Use sparingly: the change that
/// caused such a row is audited on its own entity.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
