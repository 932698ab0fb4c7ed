using Bunit;
using CareDesk.Features.Catalog;
using CareDesk.Features.Devices.Pages;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CareDesk.Tests.Features.Devices;

public sealed class PersonDevicesTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("en", "In warranty until 1 Sep 2027", "In use")]
    [InlineData("zh-CN", "保修至 2027年9月1日", "使用中")]
    public async Task The_list_shows_each_device_with_its_warranty_and_status(string culture, string warranty, string status)
    {
        UseLanguage(culture);
        var id = await CreatePersonAsync("李小宝");
        await RegisterDeviceAsync(id, "minimed-780g-pump", "NG4113421H", new DateOnly(2023, 9, 1));

        var devices = RenderInLayout<PersonDevices>(p => p.Add(x => x.PersonId, id));

        devices.WaitForAssertion(() => Assert.Contains("NG4113421H", devices.Find("#devices-table").TextContent, StringComparison.Ordinal), Wait);
        var row = devices.Find("#devices-table tbody tr").TextContent;
        Assert.Contains(warranty, row, StringComparison.Ordinal);
        Assert.Contains(status, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_without_a_model_names_the_model_field_and_with_one_stores_the_device_with_its_computed_warranty()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Mary Smith");
        var devices = RenderInLayout<PersonDevices>(p => p.Add(x => x.PersonId, id));
        devices.WaitForElement("#devices-none", Wait);

        devices.Find("#device-register").Click();
        devices.WaitForAssertion(
            () => Assert.Contains("No such model in the catalog.", devices.Find("#device-model").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Wait);

        var pump = (await RunAsync<SearchModels, IReadOnlyList<ModelSummary>>(search => search.RunAsync(new SearchModels.Query(Text: "MiniMed 780G"), CancellationToken.None)))
            .First(m => m.Id == "minimed-780g-pump");
        var model = devices.FindComponent<MudAutocomplete<ProductModelChoice>>();
        await devices.InvokeAsync(() => model.Instance.ValueChanged.InvokeAsync(ProductModelChoice.From(pump)));
        devices.Find("#device-serial").Change("NG0000001H");
        await devices.InvokeAsync(() => devices.FindComponents<MudDatePicker>()[0].Instance.DateChanged.InvokeAsync(new DateTime(2025, 9, 1)));
        devices.Find("#device-register").Click();

        devices.WaitForAssertion(() => Assert.Contains("NG0000001H", devices.Find("#devices-table").TextContent, StringComparison.Ordinal), Wait);
        var stored = await WithDbAsync(db => db.Devices.SingleAsync(d => d.PersonId == id));
        Assert.Equal(("minimed-780g-pump", "NG0000001H"), (stored.ModelId, stored.SerialNumber));
        Assert.NotNull(stored.WarrantyEnd);
        Assert.True(stored.WarrantyEnd > new DateOnly(2025, 9, 1));
    }
}
