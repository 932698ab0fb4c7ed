using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;

namespace CareDesk.Tests.Features;

public sealed class DeviceWarrantyTests
{
    [Fact]
    public void The_warranty_end_is_the_purchase_date_plus_the_models_term()
    {
        var terms = DeviceAccess.Warranty(new DateOnly(2025, 1, 15), 48, requestedEnd: null, reason: null);

        Assert.Equal(new DateOnly(2029, 1, 15), terms.Value!.End);
        Assert.Null(terms.Value.Reason);
    }

    [Fact]
    public void An_unknown_purchase_date_or_term_leaves_the_warranty_unknown()
    {
        Assert.Null(DeviceAccess.Warranty(null, 48, null, null).Value!.End);
        Assert.Null(DeviceAccess.Warranty(new DateOnly(2025, 1, 15), null, null, null).Value!.End);
    }

    [Fact]
    public void Another_end_than_the_computed_one_needs_a_reason()
    {
        var refused = DeviceAccess.Warranty(new DateOnly(2025, 1, 15), 12, new DateOnly(2027, 1, 15), " ");
        var accepted = DeviceAccess.Warranty(new DateOnly(2025, 1, 15), 12, new DateOnly(2027, 1, 15), "regional term");
        var same = DeviceAccess.Warranty(new DateOnly(2025, 1, 15), 12, new DateOnly(2026, 1, 15), null);

        Assert.Equal("warrantyOverrideReason", refused.Failure!.Field);
        Assert.Equal(("regional term", new DateOnly(2027, 1, 15)), (accepted.Value!.Reason, accepted.Value.End!.Value));
        Assert.True(same.Succeeded);
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("2026-11-24", "in-warranty")]
    [InlineData("2026-11-23", "expired")]
    public void The_warranty_state_is_read_on_the_day(string? end, string expected)
    {
        var today = new DateOnly(2026, 11, 24);

        Assert.Equal(expected, DeviceTerms.WarrantyState(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), today));
    }

    [Theory]
    [InlineData("mmt 1885", "MMT-1885", true)]
    [InlineData("ＮＥＸＴ　ＯＮＥ", "NEXT ONE", true)]
    [InlineData("安稳免调码", "安稳免调码", true)]
    [InlineData("安稳+", "安稳", false)]
    public void Search_text_ignores_case_spaces_dashes_and_full_width(string typed, string stored, bool matches)
    {
        var model = new ProductModel { Id = "x", ManufacturerId = "m", Category = "bg_meter", NameEn = "X", Aliases = [stored] };

        Assert.Equal(matches, SearchModels.Matches(model, SearchModels.Normalize(typed)));
    }
}
