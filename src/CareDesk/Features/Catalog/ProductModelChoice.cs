namespace CareDesk.Features.Catalog;

/// <summary>A catalog model as a picker offers it: its id, its name in the reader's language and its model numbers.</summary>
public sealed record ProductModelChoice(string Id, string Name, IReadOnlyList<string> ModelNumbers)
{
    /// <summary>What the picker's box shows once chosen: the name, then the model numbers an agent reads off the label.</summary>
    public string Label => ModelNumbers.Count == 0 ? Name : $"{Name} · {string.Join(" / ", ModelNumbers)}";

    public static ProductModelChoice From(ModelSummary model) => new(model.Id, CatalogNames.Of(model.NameEn, model.NameZh), model.ModelNumbers);

    public static ProductModelChoice From(ModelDetail model) => new(model.Id, CatalogNames.Of(model.NameEn, model.NameZh), model.ModelNumbers);
}
