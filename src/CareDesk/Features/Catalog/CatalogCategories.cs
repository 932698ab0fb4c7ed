namespace CareDesk.Features.Catalog;

/// <summary>The categories of the shipped catalog; a model's category must be one of them.</summary>
public static class CatalogCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "bg_meter", "test_strip", "control_solution", "lancet", "lancing_device", "cgm_sensor", "cgm_transmitter",
        "cgm_reader", "insulin_pump", "pump_controller", "pump_reservoir", "infusion_set", "app",
    ];
}
