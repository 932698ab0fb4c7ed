using CareDesk.Features.Imports.Reading;

namespace CareDesk.Tests.Features.Imports.Reading;

/// <summary>Headers in Chinese or English, in any order and as distributors really write them, mapped to the import's fields.</summary>
public sealed class HeaderMappingTests
{
    [Fact]
    public void Chinese_headers_in_any_order_map_to_their_fields_and_the_running_number_is_ignored()
    {
        var mapping = HeaderMapping.FromHeaders(["序号", "手机号码", "客户姓名", "购机日期", "型号", "详细地址", "性别", "省份", "城市", "序列号", "备注", "出生日期", "联系电话", "国家"]);

        Assert.Equal(1, mapping.ColumnOf(ImportField.Mobile));
        Assert.Equal(2, mapping.ColumnOf(ImportField.Name));
        Assert.Equal(3, mapping.ColumnOf(ImportField.PurchaseDate));
        Assert.Equal(4, mapping.ColumnOf(ImportField.Model));
        Assert.Equal(5, mapping.ColumnOf(ImportField.Address));
        Assert.Equal(6, mapping.ColumnOf(ImportField.Gender));
        Assert.Equal(7, mapping.ColumnOf(ImportField.Province));
        Assert.Equal(8, mapping.ColumnOf(ImportField.City));
        Assert.Equal(9, mapping.ColumnOf(ImportField.Serial));
        Assert.Equal(10, mapping.ColumnOf(ImportField.Remark));
        Assert.Equal(11, mapping.ColumnOf(ImportField.DateOfBirth));
        Assert.Equal(12, mapping.ColumnOf(ImportField.Phone));
        Assert.Equal(13, mapping.ColumnOf(ImportField.Country));
        Assert.Equal([new HeaderColumn(0, "序号")], mapping.Ignored);
        Assert.Equal(HeaderLanguage.Chinese, mapping.Language);
    }

    [Fact]
    public void English_headers_in_any_order_map_to_their_fields()
    {
        var mapping = HeaderMapping.FromHeaders(["Serial number", "Notes", "Mobile phone", "Date of birth", "Sex", "Name", "Telephone", "State/Province", "City", "Address", "Country", "Purchase date", "Model", "No."]);

        Assert.Equal(
            [ImportField.Serial, ImportField.Remark, ImportField.Mobile, ImportField.DateOfBirth, ImportField.Gender, ImportField.Name, ImportField.Phone, ImportField.Province, ImportField.City, ImportField.Address, ImportField.Country, ImportField.PurchaseDate, ImportField.Model],
            mapping.ColumnByField.OrderBy(kv => kv.Value).Select(kv => kv.Key));
        Assert.Equal("No.", Assert.Single(mapping.Ignored).Header);
        Assert.Equal(HeaderLanguage.English, mapping.Language);
    }

    [Theory]
    [InlineData("客户名称", ImportField.Name)]
    [InlineData("联系人", ImportField.Name)]
    [InlineData("患者姓名", ImportField.Name)]
    [InlineData("Customer Name", ImportField.Name)]
    [InlineData("手机号", ImportField.Mobile)]
    [InlineData("移动电话", ImportField.Mobile)]
    [InlineData("Cell", ImportField.Mobile)]
    [InlineData("联系方式", ImportField.Phone)]
    [InlineData("固话", ImportField.Phone)]
    [InlineData("座机", ImportField.Phone)]
    [InlineData("Tel", ImportField.Phone)]
    [InlineData("出生年月", ImportField.DateOfBirth)]
    [InlineData("Birthday", ImportField.DateOfBirth)]
    [InlineData("DOB", ImportField.DateOfBirth)]
    [InlineData("所在省份", ImportField.Province)]
    [InlineData("省/自治区/直辖市", ImportField.Province)]
    [InlineData("所在城市", ImportField.City)]
    [InlineData("收货地址", ImportField.Address)]
    [InlineData("国家/地区", ImportField.Country)]
    [InlineData("购机时间", ImportField.PurchaseDate)]
    [InlineData("购买时间", ImportField.PurchaseDate)]
    [InlineData("机型", ImportField.Model)]
    [InlineData("产品名称", ImportField.Model)]
    [InlineData("机身号", ImportField.Serial)]
    [InlineData("S/N", ImportField.Serial)]
    [InlineData("序列号码", ImportField.Serial)]
    [InlineData("说明", ImportField.Remark)]
    [InlineData("备注信息", ImportField.Remark)]
    [InlineData("Comments", ImportField.Remark)]
    [InlineData("患者性别", ImportField.Gender)]
    [InlineData("联系人电话", ImportField.Phone)]
    [InlineData("Customer Gender", ImportField.Gender)]
    [InlineData("手机2", ImportField.Mobile)]
    public void Real_export_header_variants_are_recognised(string header, string field) =>
        Assert.Equal(field, HeaderSynonyms.FieldOf(header));

    [Theory]
    [InlineData("手机（必填）")]
    [InlineData("*手机号码")]
    [InlineData("手机号码:")]
    [InlineData("  手机 号码 ")]
    [InlineData("手机号码【11位】")]
    [InlineData("ＭＯＢＩＬＥ")]
    [InlineData("Mobile Phone (required)")]
    public void Headers_are_compared_after_nfkc_trimming_and_dropping_marks_and_bracketed_notes(string header) =>
        Assert.Equal(ImportField.Mobile, HeaderSynonyms.FieldOf(header));

    [Theory]
    [InlineData("序号")]
    [InlineData("销售员")]
    [InlineData("")]
    [InlineData("No.")]
    public void Columns_the_import_does_not_use_map_to_no_field(string header) => Assert.Null(HeaderSynonyms.FieldOf(header));

    [Fact]
    public void No_spelling_in_the_synonym_table_names_two_fields()
    {
        var clashes = HeaderSynonyms.Entries
            .GroupBy(e => HeaderSynonyms.Normalize(e.Name))
            .Where(g => g.Select(e => e.Field).Distinct().Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(clashes);
    }

    [Fact]
    public void A_second_column_for_the_same_field_is_reported_and_the_leftmost_is_read()
    {
        var mapping = HeaderMapping.FromHeaders(["姓名", "电话", "联系电话", "Name"]);

        Assert.Equal(0, mapping.ColumnOf(ImportField.Name));
        Assert.Equal(1, mapping.ColumnOf(ImportField.Phone));
        Assert.Equal([new DuplicateColumn(ImportField.Phone, 2, "联系电话"), new DuplicateColumn(ImportField.Name, 3, "Name")], mapping.Duplicates);
        Assert.Equal(HeaderLanguage.Mixed, mapping.Language);
    }

    [Fact]
    public void A_person_overrides_the_guess_a_column_means_one_thing_and_null_unmaps_a_field()
    {
        var mapping = HeaderMapping.FromHeaders(["姓名", "电话", "联系电话", "序号"]);

        var corrected = mapping.WithOverrides(new Dictionary<string, int?>
        {
            [ImportField.Mobile] = 2,
            [ImportField.Remark] = 0,
            [ImportField.Phone] = null,
        });

        Assert.Equal(2, corrected.ColumnOf(ImportField.Mobile));
        Assert.Equal(0, corrected.ColumnOf(ImportField.Remark));
        Assert.Null(corrected.ColumnOf(ImportField.Name));
        Assert.Null(corrected.ColumnOf(ImportField.Phone));
        Assert.Empty(corrected.Duplicates);
        Assert.Equal([1, 3], corrected.Ignored.Select(c => c.Index));
        Assert.Equal("联系电话", corrected.HeaderOf(ImportField.Mobile));
    }

    [Fact]
    public void An_override_naming_an_unknown_field_or_a_missing_column_is_refused()
    {
        var mapping = HeaderMapping.FromHeaders(["姓名"]);

        Assert.Throws<ArgumentException>(() => mapping.WithOverrides(new Dictionary<string, int?> { ["email"] = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => mapping.WithOverrides(new Dictionary<string, int?> { [ImportField.Name] = 1 }));
    }
}
