using System.Collections.Frozen;
using System.Text;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// The header names distributors, dealers and reps actually write, in Chinese and English, for each
/// <see cref="ImportField"/>. Headers are compared normalized (<see cref="Normalize"/>), so the lists hold each
/// spelling once: "S/N", "s.n." and "SN（必填）" are the same header.
/// </summary>
public static class HeaderSynonyms
{
    private static readonly (string Field, string[] Names)[] Table =
    [
        (ImportField.Name,
        [
            "姓名", "客户姓名", "客户名称", "客户名", "客户", "联系人", "联系人姓名", "患者姓名", "患者", "病人姓名", "病人",
            "用户姓名", "用户名称", "用户", "顾客姓名", "顾客", "会员姓名", "会员", "购买人", "购买人姓名", "购买者", "购机人",
            "收货人", "收货人姓名", "收件人", "名字", "使用者", "使用人",
            "Name", "Full name", "Customer name", "Customer", "Contact name", "Contact person", "Contact", "Patient name",
            "Patient", "Client name", "Client", "Buyer", "Purchaser", "End user", "Consignee", "Recipient",
        ]),
        (ImportField.Gender, ["性别", "性別", "男女", "Gender", "Sex"]),
        (ImportField.DateOfBirth,
        [
            "出生日期", "生日", "出生年月", "出生年月日", "出生时间", "出生", "出生日", "生日日期", "出生年份",
            "DOB", "Date of birth", "Birthday", "Birth date", "Birthdate", "Birth", "Born",
        ]),
        (ImportField.Mobile,
        [
            "手机", "手机号", "手机号码", "移动电话", "联系手机", "手提电话", "手机电话", "电话手机", "手机联系方式",
            "Mobile", "Mobile phone", "Mobile number", "Mobile no", "Mobile tel", "Cell", "Cellphone", "Cell phone",
            "Cell number", "Cellphone number", "Handphone",
        ]),
        (ImportField.Phone,
        [
            "电话", "联系电话", "电话号码", "固话", "固定电话", "座机", "座机号码", "座机电话", "家庭电话", "住宅电话", "宅电",
            "办公电话", "单位电话", "联系方式", "联系号码", "固话号码",
            "Phone", "Telephone", "Tel", "Phone number", "Phone no", "Tel no", "Telephone number", "Landline", "Home phone",
            "Office phone", "Work phone", "Contact number", "Contact phone", "Contact no",
        ]),
        (ImportField.Province,
        [
            "省", "省份", "所在省份", "所在省", "所属省份", "省区", "省自治区直辖市", "省直辖市", "收货省份",
            "Province", "State", "State/Province", "Province/State", "Prov",
        ]),
        (ImportField.City, ["市", "城市", "所在城市", "所在市", "所属城市", "地市", "城市名称", "收货城市", "City", "Town", "City/Town"]),
        (ImportField.Address,
        [
            "地址", "详细地址", "收货地址", "联系地址", "家庭地址", "家庭住址", "住址", "通讯地址", "通信地址", "邮寄地址", "居住地址",
            "街道地址", "所在地址", "现住址", "收件地址",
            "Address", "Street address", "Full address", "Address line", "Address line 1", "Home address", "Mailing address",
            "Shipping address", "Street",
        ]),
        (ImportField.Country, ["国家", "国家地区", "国家/地区", "国别", "国籍", "Country", "Country/Region", "Nation", "Nationality"]),
        (ImportField.PurchaseDate,
        [
            "购买日期", "购机日期", "购机时间", "购买时间", "购入日期", "购置日期", "销售日期", "售出日期", "下单日期", "下单时间",
            "订单日期", "成交日期", "交易日期", "购买日", "购货日期", "购买年月",
            "Purchase date", "Date of purchase", "Purchased", "Purchased on", "Purchase time", "Sale date", "Date of sale",
            "Sold date", "Sold on", "Order date", "Buy date",
        ]),
        (ImportField.Model,
        [
            "产品型号", "型号", "机型", "产品名称", "产品", "设备型号", "仪器型号", "规格型号", "型号规格", "产品规格", "商品名称",
            "商品", "品名", "设备名称", "仪器名称", "设备", "仪器", "购买产品", "购买型号", "产品型号名称",
            "Model", "Model no", "Model number", "Product", "Product name", "Product model", "Device", "Device model",
            "Item", "Item name",
        ]),
        (ImportField.Serial,
        [
            "序列号", "机身号", "序列号码", "机身编号", "机身序列号", "产品序列号", "设备序列号", "仪器序列号", "出厂编号", "串号", "机器序列号",
            "SN", "S/N", "Serial", "Serial no", "Serial number", "Serial #", "Device serial",
        ]),
        (ImportField.Remark,
        [
            "备注", "说明", "备注信息", "备注说明", "附注", "其他", "其它", "留言", "注释", "客户备注", "情况说明",
            "Remark", "Remarks", "Note", "Notes", "Comment", "Comments", "Memo", "Other",
        ]),
    ];

    // Who the column is about, in front of what it holds: 患者性别, 客户手机, Customer gender, Patient DOB.
    private static readonly string[] PersonPrefixes =
        ["客户", "用户", "患者", "病人", "顾客", "会员", "联系人", "购买人", "收货人", "所在", "customer", "client", "patient", "contact", "buyer"];

    private static readonly FrozenDictionary<string, string> FieldByName = BuildIndex();

    /// <summary>
    /// The header reduced to what identifies it: NFKC (full-width letters and brackets become ASCII), lower case,
    /// bracketed notes dropped (<c>手机（必填）</c>, <c>DOB (yyyy-mm-dd)</c>), then letters and digits only.
    /// </summary>
    public static string Normalize(string header)
    {
        var text = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch is '(' or '[' or '【' or '〔' or '{' or '<' or '《')
            {
                depth++;
            }
            else if (ch is ')' or ']' or '】' or '〕' or '}' or '>' or '》')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsLetterOrDigit(ch))
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    /// <summary>The field a header names, or null for a column the import does not use (序号, 销售员…).</summary>
    public static string? FieldOf(string header)
    {
        var name = Normalize(header);
        if (name.Length == 0)
        {
            return null;
        }

        if (Lookup(name) is { } field)
        {
            return field;
        }

        foreach (var prefix in PersonPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && Lookup(name[prefix.Length..]) is { } prefixed)
            {
                return prefixed;
            }
        }

        return null;
    }

    // "手机1", "Phone 2": a numbered second column of the same kind is still that field (and then a duplicate).
    private static string? Lookup(string name) =>
        FieldByName.GetValueOrDefault(name) ?? FieldByName.GetValueOrDefault(name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'));

    private static FrozenDictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in Table)
        {
            foreach (var name in names)
            {
                // TryAdd: the first field listing a spelling keeps it; the table is reviewed by its test for clashes.
                index.TryAdd(Normalize(name), field);
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static IEnumerable<(string Field, string Name)> Entries =>
        Table.SelectMany(t => t.Names.Select(n => (t.Field, n)));
}
