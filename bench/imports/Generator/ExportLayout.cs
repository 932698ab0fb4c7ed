using CareDesk.Features.Imports.Reading;

namespace CareDesk.Bench.Imports;

/// <summary>What a column of the generated export holds (the import's fields, plus two it must ignore).</summary>
internal enum Column
{
    RunningNumber,
    Name,
    Gender,
    DateOfBirth,
    Mobile,
    Phone,
    Province,
    City,
    Address,
    Country,
    PurchaseDate,
    Model,
    Serial,
    Remark,
    SalesRep,
}

/// <summary>
/// The columns of one export, in file order, each under a Chinese header a distributor uses for it (from the synonyms
/// <see cref="HeaderSynonyms"/> maps): 序号 first, as exports have it, the rest shuffled.
/// </summary>
internal sealed record ExportLayout(IReadOnlyList<(Column Column, string Header)> Columns)
{
    private static readonly Dictionary<Column, string[]> Headers = new()
    {
        [Column.Name] = ["客户姓名", "姓名", "患者姓名", "联系人", "用户姓名", "顾客姓名", "收货人"],
        [Column.Gender] = ["性别", "性别", "客户性别"],
        [Column.DateOfBirth] = ["出生日期", "生日", "出生年月日"],
        [Column.Mobile] = ["手机号码", "手机", "手机号", "移动电话", "联系手机"],
        [Column.Phone] = ["联系电话", "电话", "固定电话", "座机", "家庭电话"],
        [Column.Province] = ["省份", "省", "所在省份"],
        [Column.City] = ["城市", "市", "所在城市"],
        [Column.Address] = ["详细地址", "地址", "收货地址", "家庭住址"],
        [Column.Country] = ["国家/地区", "国家", "国籍"],
        [Column.PurchaseDate] = ["购机日期", "购买日期", "销售日期", "购买时间"],
        [Column.Model] = ["产品型号", "型号", "产品名称", "设备型号"],
        [Column.Serial] = ["序列号", "SN", "机身号", "产品序列号"],
        [Column.Remark] = ["备注", "备注信息", "说明"],
    };

    // The import field each column must map to; null for the columns it must ignore.
    public static string? FieldOf(Column column) => column switch
    {
        Column.Name => ImportField.Name,
        Column.Gender => ImportField.Gender,
        Column.DateOfBirth => ImportField.DateOfBirth,
        Column.Mobile => ImportField.Mobile,
        Column.Phone => ImportField.Phone,
        Column.Province => ImportField.Province,
        Column.City => ImportField.City,
        Column.Address => ImportField.Address,
        Column.Country => ImportField.Country,
        Column.PurchaseDate => ImportField.PurchaseDate,
        Column.Model => ImportField.Model,
        Column.Serial => ImportField.Serial,
        Column.Remark => ImportField.Remark,
        _ => null,
    };

    public static ExportLayout Shuffled(Random random)
    {
        var columns = Headers.Select(h => (h.Key, h.Value[random.Next(h.Value.Length)])).ToList();
        if (random.Next(2) == 0)
        {
            columns.Add((Column.SalesRep, "销售员"));
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(columns));
        columns.Insert(0, (Column.RunningNumber, "序号"));
        foreach (var (column, header) in columns)
        {
            if (HeaderSynonyms.FieldOf(header) != FieldOf(column))
            {
                throw new InvalidOperationException($"Header {header} does not map to {FieldOf(column) ?? "nothing"} in HeaderSynonyms.");
            }
        }

        return new ExportLayout(columns);
    }

    public Column Last => Columns[^1].Column;
}
