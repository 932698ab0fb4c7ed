namespace CareDesk.Features.Catalog;

/// <summary>One compatibility fact as seen from the model being read.</summary>
public sealed record LinkView(string ModelId, string NameEn, string? NameZh, string Category, bool Uncertain, string? Condition, string? Reason);
